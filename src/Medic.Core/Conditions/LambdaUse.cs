namespace Medic.Core.Conditions;

/// <summary>Whether a function's second argument is a lambda.</summary>
internal enum LambdaUse
{
    None,
    Optional,
    Required,
}
