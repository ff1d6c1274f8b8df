using Medic.Core.Engine;

namespace Medic.Bundles;

/// <summary>What making a bundle produced: its manifest, the live diagnosis it recorded, and the host map (empty unless hosts were mapped).</summary>
public sealed record BundleResult(Manifest Manifest, Diagnosis Diagnosis, IReadOnlyDictionary<string, string> HostMap);
