namespace Medic.Bundles.Collect;

/// <summary>One piece of a bundle before redaction: text to store at a path, or why it could not be had.</summary>
public sealed record Collected(string Path, string? Text, string Source, double DurationMs, string? Failure = null)
{
    public static Collected Failed(string path, string source, string why, double durationMs = 0) => new(path, null, source, durationMs, why);
}
