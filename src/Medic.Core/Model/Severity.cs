namespace Medic.Core.Model;

/// <summary>How bad a finding is. Ordered: a larger value is worse.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
    Critical = 3,
}
