#!/usr/bin/env python3
"""List every cause of a catalog entry marked automatable `yes` that is still `manual: true` in
runbooks/<system>/ or that no [Covers("problem/cause")] scenario test names. Read-only; exit 1 if any.
Usage: python3 scripts/yes-coverage.py [catalog.yaml]   (default ../shared/catalog/seed-problems.yaml)"""
import pathlib, re, sys
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
catalog = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/catalog/seed-problems.yaml"
problems = yaml.safe_load(catalog.read_text())["problems"]

covers = set()
for cs in (root / "tests/Medic.Scenarios.Tests").rglob("*.cs"):
    covers.update(re.findall(r'Covers\("([^"]+)"\)', cs.read_text()))

manual = {}
for rb in (root / "runbooks").glob("*/*.yaml"):
    if rb.name.endswith(".tests.yaml"):
        continue
    doc = yaml.safe_load(rb.read_text())
    for cause in doc.get("causes") or []:
        manual[f"{doc['id']}/{cause['id']}"] = bool(cause.get("manual"))

gaps = 0
for p in problems:
    if str(p.get("automatable", {}).get("level")) not in ("yes", "True"):
        continue
    for c in p.get("causes") or []:
        key = f"{p['id']}/{c['id']}"
        why = []
        if key not in manual:
            why.append("no runbook cause")
        elif manual[key]:
            why.append("manual: true")
        if key not in covers:
            why.append("no [Covers] scenario")
        if why:
            gaps += 1
            print(f"{key}: {', '.join(why)}")
print(f"{gaps} yes-cause(s) not detected with a scenario", file=sys.stderr)
sys.exit(1 if gaps else 0)
