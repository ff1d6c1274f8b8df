namespace Medic.Bundles;

/// <summary>The fixed entries of a bundle.</summary>
public static class BundleFiles
{
    public const string System = "system.json";
    public const string Observations = "observations.json";
    public const string Report = "report.json";
    public const string Host = "host.json";
    public const string Environment = "env.json";
    public const string Versions = "versions.json";
    public const string ObservationsSchema = "medic.observations/v1";
}
