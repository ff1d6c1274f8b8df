namespace Medic.Core.Systems;

/// <summary>The type of a component setting; values are checked against it when a system file loads.</summary>
public enum SettingType
{
    String,
    Url,
    Path,
    Int,
    Bool,
    Duration,
    Size,
    StringList,
    PathList,
    IntList,
    Map,
    Any,
}
