namespace Medic.Core.Conditions;

public enum ValueKind
{
    Null,
    Bool,
    Number,
    String,
    Duration,
    Size,
    List,
    Object,
}
