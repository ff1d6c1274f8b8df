namespace Medic.Bundles;

/// <summary>Size caps for writing and reading bundles.</summary>
public sealed record BundleLimits(long MaxFileBytes = 8 * 1024 * 1024, long MaxTotalBytes = 256 * 1024 * 1024, int MaxEntries = 10_000);
