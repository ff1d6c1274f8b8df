using System.Globalization;

namespace Medic.Knowledge.Guides.Commands;

public static partial class CommandClassifier
{
    private static readonly HashSet<string> MutatingPrograms = new(StringComparer.Ordinal)
    {
        "rm", "rmdir", "kill", "pkill", "killall", "chown", "chmod", "chgrp", "mv", "truncate", "shred", "dd", "mkfs",
        "reboot", "shutdown", "crontab", "pg_restore", "dropdb", "createdb", "useradd", "userdel", "iptables", "ln",
    };

    private static readonly HashSet<string> MutatingVerbs = new(StringComparer.Ordinal)
    {
        "restart", "stop", "start", "reload", "kill", "prune", "rm", "rmi", "delete", "purge", "flushall", "flushdb",
        "down", "upgrade", "downgrade", "stamp", "revision", "enable", "disable", "apply", "scale", "drain", "reset",
    };

    private static CommandClass One(List<ShellWord> words, List<List<ShellWord>> rest, List<ShellWord>? before)
    {
        var program = Path.GetFileName(words[0].Text);
        var args = words.Skip(1).Select(w => w.Text).ToList();
        if (MutatingPrograms.Contains(program))
        {
            return Mutates("change", $"{program} changes the system");
        }

        var verb = args.FirstOrDefault(a => MutatingVerbs.Contains(a.ToLowerInvariant()));
        if (verb is not null && program is not ("curl" or "grep" or "echo" or "journalctl" or "tail" or "cat"))
        {
            if (program == "redis-cli" || program == "systemctl" || program == "docker" || program == "docker-compose"
                || program == "kubectl" || program == "alembic" || program == "nats" || program == "service" || program == "brew")
            {
                return Mutates(program == "redis-cli" ? "redis" : "service", $"{program} {verb} changes the system");
            }
        }

        return program switch
        {
            "curl" or "wget" => Http(words, rest),
            "psql" => Psql(args),
            "pg_isready" => Probe("postgres", "postgres.connect", "postgres", Args()),
            "redis-cli" => Redis(args),
            "sqlite3" => Sqlite(args, before),
            "journalctl" => Journal(args),
            "grep" or "egrep" or "tail" or "less" or "cat" or "head" or "zgrep" =>
                args.Any(a => a.Contains(".log", StringComparison.Ordinal) || a.StartsWith("/var/log", StringComparison.Ordinal))
                    ? CommandClass.Unknown("logs") : CommandClass.Unknown("filter"),
            "ss" or "netstat" or "lsof" when program != "lsof" || args.Any(a => a.StartsWith("-i", StringComparison.Ordinal)) => Ports(args, rest),
            "lsof" => Probe("files", "file.holders", "host", Args(("paths", Paths(args)))),
            "du" or "df" => Probe("disk", "disk.usage", "host", Args(("paths", Paths(args)))),
            "systemctl" or "service" => Service(args),
            "ps" or "top" or "pgrep" or "htop" => Process(words),
            "free" or "vmstat" => Probe("memory", "host.memory", "host", Args()),
            "docker" or "docker-compose" when args.Contains("logs") => CommandClass.Unknown("logs"),
            "echo" or "jq" or "wc" or "sort" or "uniq" or "cut" or "base64" or "awk" or "sed" => CommandClass.Unknown("filter"),
            _ => CommandClass.Unknown(),
        };
    }

    private static CommandClass Http(List<ShellWord> words, List<List<ShellWord>> rest)
    {
        var args = words.Skip(1).Select(w => w.Text).ToList();
        var method = "GET";
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] is "-X" or "--request")
            {
                method = args[i + 1].ToUpperInvariant();
            }
        }

        if (method is "POST" or "PUT" or "DELETE" or "PATCH")
        {
            return Mutates("http", $"HTTP {method} changes the service");
        }

        var url = args.FirstOrDefault(a => a.Contains("://", StringComparison.Ordinal) || a.StartsWith(':') || a.StartsWith("localhost", StringComparison.Ordinal));
        if (url is null || !Uri.TryCreate(url.StartsWith(':') ? "http://localhost" + url : url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url, UriKind.Absolute, out var uri))
        {
            return CommandClass.Unknown("http");
        }

        var path = uri.AbsolutePath;
        if (uri.Port == 8222 || path is "/jsz" or "/varz" or "/connz" or "/routez" or "/healthz")
        {
            var endpoint = path.Trim('/');
            var probe = endpoint is "jsz" or "varz" or "connz" or "routez" or "healthz" ? "nats." + endpoint : "nats.varz";
            var stream = QueryValue(uri, "stream");
            return Probe("nats", probe, "nats", probe == "nats.jsz" ? Args(("stream", stream)) : Args());
        }

        if (path.EndsWith("/metrics", StringComparison.Ordinal))
        {
            return Probe("prometheus", "prometheus.scrape", "prometheus", Args());
        }

        var jq = rest.FirstOrDefault(c => c.Count > 1 && c[0].Text == "jq");
        var filter = jq?.Skip(1).Select(w => w.Text).FirstOrDefault(a => a.StartsWith('.'));
        var jsonPath = filter is null or "." ? null : filter.TrimStart('.');
        return Probe("http", "http.get", "http", Args(("path", uri.PathAndQuery)), jsonPath);
    }

    private static string? QueryValue(Uri uri, string key)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == key)
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return null;
    }

    private static CommandClass Psql(List<string> args)
    {
        var sql = Option(args, "-c", "--command");
        return sql is null ? Probe("postgres", "postgres.connect", "postgres", Args()) : Sql(sql, "postgres");
    }

    private static CommandClass Redis(List<string> args)
    {
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith('-'))
            {
                i += args[i] is "-h" or "-p" or "-a" or "-n" or "-u" or "--user" or "--pass" ? 1 : 0;
                continue;
            }

            command.Add(args[i].ToLowerInvariant());
        }

        var verb = command.FirstOrDefault() ?? "ping";
        var sub = command.Skip(1).FirstOrDefault();
        return verb switch
        {
            "info" => Probe("redis", "redis.info", "redis", Args(("section", sub))),
            "ping" => Probe("redis", "redis.ping", "redis", Args()),
            "client" when sub == "list" => Probe("redis", "redis.clients", "redis", Args()),
            "config" when sub == "get" => Probe("redis", "redis.config", "redis", Args(("keys", command.Skip(2).ToList()))),
            "config" => Mutates("redis", $"CONFIG {sub?.ToUpperInvariant()} changes the server"),
            "slowlog" => Probe("redis", "redis.slowlog", "redis", Args()),
            "latency" => Probe("redis", "redis.latency", "redis", Args()),
            "del" or "set" or "flushall" or "flushdb" or "shutdown" or "expire" or "unlink" => Mutates("redis", $"{verb.ToUpperInvariant()} changes data"),
            _ => CommandClass.Unknown("redis"),
        };
    }

    private static CommandClass Sqlite(List<string> args, List<ShellWord>? before)
    {
        var positional = args.Where(a => !a.StartsWith('-')).ToList();
        var sql = positional.Skip(1).FirstOrDefault()
            ?? (before is { Count: > 1 } && before[0].Text == "echo" ? before[1].Text : null);
        return sql is null ? CommandClass.Unknown("sqlite") : Sql(sql, "sqlite");
    }

    private static CommandClass Journal(List<string> args)
    {
        var unit = Option(args, "-u", "--unit");
        var lines = Option(args, "-n", "--lines");
        return unit is null
            ? CommandClass.Unknown("logs")
            : Probe("logs", "systemd.unit", "host", Args(("unit", unit), ("lines", int.TryParse(lines, CultureInfo.InvariantCulture, out var n) ? n : null)));
    }

    private static CommandClass Ports(List<string> args, List<List<ShellWord>> rest)
    {
        var ports = args.Concat(rest.SelectMany(c => c.Select(w => w.Text)))
            .Select(a => a.TrimStart(':'))
            .Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536)
            .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).Distinct().ToList();
        return Probe("ports", "port.owner", "host", ports.Count > 0 ? Args(("ports", ports)) : Args());
    }

    private static CommandClass Service(List<string> args)
    {
        var unit = args.FirstOrDefault(a => !a.StartsWith('-') && a is not ("status" or "show" or "is-active" or "is-failed"));
        return Probe("service", "systemd.unit", "host", Args(("unit", unit)));
    }

    private static CommandClass Process(List<ShellWord> words)
    {
        var name = words.Skip(1).Select(w => w.Text).FirstOrDefault(a => !a.StartsWith('-') && !a.StartsWith("$(", StringComparison.Ordinal) && !a.Contains(',', StringComparison.Ordinal));
        var pgrep = words.SelectMany(w => System.Text.RegularExpressions.Regex.Matches(w.Text, @"pgrep\s+(?:-\w+\s+)*([\w.-]+)")).Select(m => m.Groups[1].Value).FirstOrDefault();
        return Probe("process", "process.list", "host", Args(("name", pgrep ?? name)));
    }

    private static string? Option(List<string> args, params string[] names)
    {
        for (var i = 0; i < args.Count; i++)
        {
            foreach (var name in names)
            {
                if (args[i] == name && i + 1 < args.Count)
                {
                    return args[i + 1];
                }

                if (name.StartsWith("--", StringComparison.Ordinal) && args[i].StartsWith(name + "=", StringComparison.Ordinal))
                {
                    return args[i][(name.Length + 1)..];
                }
            }
        }

        return null;
    }

    private static List<string>? Paths(List<string> args)
    {
        var paths = args.Where(a => !a.StartsWith('-') && (a.Contains('/', StringComparison.Ordinal) || a.Contains('.', StringComparison.Ordinal))).ToList();
        return paths.Count > 0 ? paths : null;
    }
}
