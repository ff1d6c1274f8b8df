#!/usr/bin/env python3
"""Writes a small, deterministic set of logs mixing lines from the seed guides (CodeAI, PMA, WebMACS, nginx)
for the README's `medic logs` examples and the CLI tests. Usage: python3 generate.py [OUT_DIR]"""
import datetime as dt
import json
import random
import sys
from pathlib import Path

out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
rng = random.Random(6)
start = dt.datetime(2024, 1, 15, 10, 0, 0, tzinfo=dt.timezone.utc)
paths = ["/api/v1/workflows", "/api/v1/workflows/{id}", "/api/v1/jobs/{id}", "/api/v1/executions/{id}/logs", "/health"]


def iso(t):
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def codeai(day_offset_minutes=0, incident=True):
    """Go service, JSON lines (slog): requests with duration (ns), request_id; incident at 10:40."""
    lines = []
    t = start + dt.timedelta(minutes=day_offset_minutes)
    for i in range(1500):
        t += dt.timedelta(milliseconds=rng.randint(500, 3500))
        rid = f"req-{i:05d}"
        path = rng.choice(paths).replace("{id}", str(rng.randint(1, 9999)))
        in_incident = incident and dt.time(10, 40) <= t.time() <= dt.time(10, 50)
        slow = in_incident and path.startswith("/api/v1/executions")
        ms = rng.lognormvariate(3, 0.6) * (40 if slow else 1)
        status = 200
        if in_incident and rng.random() < 0.15:
            lines.append(json.dumps({"time": iso(t), "level": "ERROR", "msg": "database ping failed",
                                     "error": "dial tcp 10.0.0.5:5432: i/o timeout", "request_id": rid}))
            status = 503
        if incident and i in (700, 701):
            lines.append(json.dumps({"time": iso(t), "level": "WARN", "msg": "circuit breaker state changed",
                                     "name": "github", "from": "closed", "to": "open"}))
        lines.append(json.dumps({"time": iso(t), "level": "INFO", "msg": "request completed", "method": "GET", "path": path,
                                 "status": status, "duration": int(ms * 1e6), "request_id": rid}))
    return lines


def pma():
    """Go service under journald, logfmt inside: startup failure and SQLite lock contention."""
    lines = []
    t = start
    for i in range(400):
        t += dt.timedelta(seconds=rng.randint(2, 12))
        stamp = t.strftime("%b %d %H:%M:%S")
        if i == 3:
            lines.append(f'{stamp} pma-host pma-backend[812]: time={iso(t)} level=error msg="failed to start server" error="listen tcp :3001: bind: address already in use"')
        elif 250 <= i <= 330 and rng.random() < 0.4:
            lines.append(f'{stamp} pma-host pma-backend[901]: time={iso(t)} level=error msg="database is locked" table=entities duration={rng.randint(5000, 5100)}ms')
        else:
            lines.append(f'{stamp} pma-host pma-backend[901]: time={iso(t)} level=info msg="entity state synced" entity_id=light.kitchen_{rng.randint(1, 40)} duration={rng.randint(1, 30)}ms')
    return lines


def webmacs():
    """Python backend (logging module): QueuePool exhaustion with a traceback."""
    lines = []
    t = start
    for i in range(700):
        t += dt.timedelta(seconds=rng.randint(1, 8))
        stamp = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{rng.randint(0, 999):03d}"
        if dt.time(10, 42) <= t.time() <= dt.time(10, 47) and rng.random() < 0.5:
            lines.append(f"{stamp} ERROR sqlalchemy.pool.impl.QueuePool: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00")
            if rng.random() < 0.3:
                lines += ["Traceback (most recent call last):",
                          '  File "/app/webmacs_backend/api/datapoints.py", line 88, in list_datapoints',
                          "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00"]
        else:
            lines.append(f"{stamp} INFO webmacs_backend.ws: telemetry broadcast to {rng.randint(1, 12)} clients in {rng.randint(1, 40)} ms")
    return lines


def nginx():
    """nginx combined + $request_time + $request_id; 504s during the incident."""
    lines = []
    t = start
    for i in range(800):
        t += dt.timedelta(seconds=rng.randint(1, 8))
        rid = f"req-{rng.randint(0, 1499):05d}" if i != 400 else "req-00700"
        path = rng.choice(paths).replace("{id}", str(rng.randint(1, 9999)))
        in_incident = dt.time(10, 40) <= t.time() <= dt.time(10, 50)
        status = 504 if in_incident and rng.random() < 0.2 else 200
        rt = 60.0 if status == 504 else rng.lognormvariate(-3.5, 0.7)
        lines.append(f'10.0.0.{rng.randint(2, 60)} - - [{t.strftime("%d/%b/%Y:%H:%M:%S +0000")}] "GET {path} HTTP/1.1" {status} {rng.randint(200, 9000)} "-" "codeai-cli/1.4" {rt:.3f} {rid}')
    return lines


out.mkdir(parents=True, exist_ok=True)
(out / "codeai.log").write_text("\n".join(codeai()) + "\n")
(out / "pma.journal").write_text("\n".join(pma()) + "\n")
(out / "webmacs-backend.log").write_text("\n".join(webmacs()) + "\n")
(out / "nginx-access.log").write_text("\n".join(nginx()) + "\n")
rng.seed(7)
(out / "codeai-yesterday.log").write_text("\n".join(codeai(-24 * 60, incident=False)) + "\n")
