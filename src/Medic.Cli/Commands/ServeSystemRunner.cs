using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Medic.Server.Scheduling;

namespace Medic.Cli.Commands;

/// <summary>
/// Runs the systems named by the files given to <c>medic serve</c>. A <c>-f</c> value is a file, a folder (its
/// <c>*.yaml</c>/<c>*.yml</c>) or a quoted pattern such as <c>'systems/*.yaml'</c>. <see cref="Refresh"/> picks up
/// added, removed and edited files; a file that no longer loads is reported once and its previous definition keeps running.
/// </summary>
internal sealed class ServeSystemRunner : ISystemRunner
{
    private readonly CliContext _cli;
    private readonly IReadOnlyList<string> _sources;
    private readonly IReadOnlyList<Runbook> _runbooks;
    private readonly DiagnoseOptions _options;
    private readonly ProbeRegistry _probes;
    private readonly Dictionary<string, Loaded> _byFile = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ServeSystemRunner(CliContext cli, IEnumerable<string> sources, IReadOnlyList<Runbook> runbooks, DiagnoseOptions options, ProbeRegistry? probes = null)
    {
        _cli = cli;
        _sources = [.. sources];
        _runbooks = runbooks;
        _options = options;
        _probes = probes ?? cli.Runtime.Probes;
        var errors = new List<InputError>();
        foreach (var file in Files())
        {
            try
            {
                _byFile[file] = new Loaded(cli.Runtime.LoadSystem(file), Stamp(file));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    public IReadOnlyList<string> Systems
    {
        get
        {
            lock (_gate)
            {
                return [.. _byFile.Values.Select(l => l.Definition.Name).Distinct(StringComparer.Ordinal)];
            }
        }
    }

    public void Refresh()
    {
        var files = Files().ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var gone in _byFile.Keys.Where(f => !files.Contains(f)).ToList())
            {
                _cli.Stderr.WriteLine($"medic serve: {gone} is gone; system '{_byFile[gone].Definition.Name}' stops");
                _byFile.Remove(gone);
            }

            foreach (var file in files)
            {
                var stamp = Stamp(file);
                if (_byFile.TryGetValue(file, out var known) && (known.Stamp == stamp || known.FailedStamp == stamp))
                {
                    continue;
                }

                Load(file, stamp, known);
            }
        }
    }

    public async Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken)
    {
        SystemDefinition definition;
        lock (_gate)
        {
            definition = _byFile.Values.Select(l => l.Definition).FirstOrDefault(d => d.Name == system)
                ?? throw new InvalidOperationException($"no system '{system}' in the configuration");
        }

        var diagnoser = new Diagnoser(_probes, _cli.Runtime.Time);
        var diagnosis = await diagnoser.RunAsync(definition, _runbooks, _options, null, cancellationToken).ConfigureAwait(false);
        return (diagnosis.Report, definition.Secrets);
    }

    private void Load(string file, string stamp, Loaded? known)
    {
        try
        {
            var definition = _cli.Runtime.LoadSystem(file);
            _byFile[file] = new Loaded(definition, stamp);
            _cli.Stderr.WriteLine(known is null ? $"medic serve: added system '{definition.Name}' from {file}" : $"medic serve: reloaded system '{definition.Name}' from {file}");
        }
        catch (InputException e)
        {
            foreach (var error in e.Errors)
            {
                _cli.Stderr.WriteLine($"{error.Position}: error: {error.Message}");
            }

            _cli.Stderr.WriteLine(known is null
                ? $"medic serve: {file} does not load; it is not watched until it does"
                : $"medic serve: {file} does not load; system '{known.Definition.Name}' keeps its previous configuration");
            if (known is not null)
            {
                _byFile[file] = known with { FailedStamp = stamp };
            }
        }
    }

    private IEnumerable<string> Files()
    {
        foreach (var source in _sources)
        {
            var name = Path.GetFileName(source);
            if (Directory.Exists(source))
            {
                foreach (var f in Directory.EnumerateFiles(source, "*.yaml").Concat(Directory.EnumerateFiles(source, "*.yml")).Order(StringComparer.Ordinal))
                {
                    yield return Path.GetFullPath(f);
                }
            }
            else if (name.Contains('*', StringComparison.Ordinal) || name.Contains('?', StringComparison.Ordinal))
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(source))!;
                if (Directory.Exists(dir))
                {
                    foreach (var f in Directory.EnumerateFiles(dir, name).Order(StringComparer.Ordinal))
                    {
                        yield return f;
                    }
                }
            }
            else
            {
                yield return Path.GetFullPath(source);
            }
        }
    }

    private static string Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}:{info.Length}" : "missing";
    }

    private sealed record Loaded(SystemDefinition Definition, string Stamp, string? FailedStamp = null);
}
