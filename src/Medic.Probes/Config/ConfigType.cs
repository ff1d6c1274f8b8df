namespace Medic.Probes.Config;

/// <summary>The type of a configuration value, as <c>types</c> names it.</summary>
internal enum ConfigType
{
    Null,
    String,
    Int,
    Number,
    Bool,
    List,
    Map,

    /// <summary>A TOML date, time or date-time.</summary>
    DateTime,
}
