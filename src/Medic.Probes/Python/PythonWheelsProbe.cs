using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Python;

/// <summary>
/// <c>python.wheels</c>: reads plugin wheels (<c>.whl</c>) without installing or importing them and tells whether each
/// would load: the entry-point group it declares, its Python and platform tags and Requires-Python against the target
/// interpreter and machine, and its Requires-Dist against the packages installed in a site-packages folder.
/// </summary>
public sealed class PythonWheelsProbe : IProbe
{
    private const int MaxWheels = 200;

    public string Name => "python.wheels";

    public string Description =>
        "plugin wheels (.whl) read without installing them: entry-point groups, Python/platform tags and Requires-Python against the target, Requires-Dist against installed packages";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("paths", ParameterType.StringList, Description: "wheel files or folders holding them (default: the component's paths)"),
        new("entry_point_group", ParameterType.String, Description: "the entry-point group a plugin must declare, e.g. webmacs.plugins"),
        new("python", ParameterType.String, Description: "the interpreter the plugins load into, e.g. 3.13 (default: not judged)"),
        new("platform", ParameterType.String, Description: "the machine architecture, e.g. x86_64 or aarch64 (default: this machine's)"),
        new("site_packages", ParameterType.String, Description: "site-packages folder whose *.dist-info give the installed versions (default: the component's site_packages)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var paths = context.GetPaths("paths");
        if (paths.Count == 0)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "no paths to look at: give 'paths' in the check or the component");
        }

        var python = Blank(context.GetString("python"));
        if (python is not null && Pep440.Release(python) is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"python '{python}' is not a version like 3.13");
        }

        var target = new WheelTarget(
            Blank(context.GetString("entry_point_group")),
            python,
            Blank(context.GetString("platform")) ?? HostArchitecture(),
            InstalledPackages.Read(SitePackages(context)));
        var wheels = new JsonArray();
        var missing = new JsonArray();
        foreach (var file in Files(paths, missing).Take(MaxWheels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            wheels.Add(WheelReport.Describe(file, target));
        }

        return ProbeResult.Ok(new JsonObject
        {
            ["entry_point_group"] = target.EntryPointGroup,
            ["python"] = target.Python,
            ["platform"] = target.Platform,
            ["installed_count"] = target.Installed?.Count,
            ["count"] = wheels.Count,
            ["wheels"] = wheels,
            ["missing_paths"] = missing,
            ["problem_count"] = wheels.Count(w => w!["problems"]!.AsArray().Count > 0),
        });
    }

    private static IEnumerable<string> Files(List<string> paths, JsonArray missing)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.whl").Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                missing.Add(path);
            }
        }
    }

    private static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.X86 => "i686",
        Architecture.Arm => "armv7l",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string? SitePackages(ProbeContext context) =>
        (Blank(context.GetString("site_packages")) ?? Blank(context.Component.GetString("site_packages"))) is { } path
            ? context.Component.ResolvePath(path)
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What the wheels are judged against.</summary>
internal sealed record WheelTarget(string? EntryPointGroup, string? Python, string Platform, IReadOnlyDictionary<string, string>? Installed);

/// <summary>The installed distributions of a site-packages folder, by normalized name, from its <c>*.dist-info</c> folder names.</summary>
internal static class InstalledPackages
{
    public static IReadOnlyDictionary<string, string>? Read(string? sitePackages)
    {
        if (sitePackages is null || !Directory.Exists(sitePackages))
        {
            return null;
        }

        var installed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(sitePackages, "*.dist-info"))
        {
            var stem = Path.GetFileName(dir)[..^".dist-info".Length];
            var dash = stem.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                installed[Pep440.Normalize(stem[..dash])] = stem[(dash + 1)..];
            }
        }

        return installed;
    }
}
