namespace Medic.Probes.Tests.Conformance;

/// <summary>Where a conformance target lives: a folder holding nothing but what a target writes, and a loopback port.</summary>
internal sealed record TargetPlace(string Folder, int Port)
{
    public string PathOf(string name) => System.IO.Path.Combine(Folder, name);
}
