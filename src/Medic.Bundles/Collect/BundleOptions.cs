namespace Medic.Bundles.Collect;

/// <summary>What <c>medic bundle</c> collects and how much.</summary>
public sealed record BundleOptions
{
    public BundleLimits Limits { get; init; } = new();

    /// <summary>Lines kept from the end of each log (the per-file byte cap also applies).</summary>
    public int LogLines { get; init; } = 1000;

    /// <summary>Map host names and IP addresses to stand-ins (<c>--redact-hosts</c>).</summary>
    public bool RedactHosts { get; init; }

    /// <summary>Time allowed for each HTTP snapshot.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Collect the environment of the medic process (redacted) as env.json.</summary>
    public bool Environment { get; init; } = true;

    /// <summary>The variables to store instead of the process environment (tests).</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }
}
