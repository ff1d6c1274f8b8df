namespace Medic.Core.Probing;

public enum ParameterType
{
    String,
    Int,
    Number,
    Bool,
    Duration,
    StringList,
    IntList,
    Map,
    Any,
}
