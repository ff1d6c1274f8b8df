namespace Medic.Core.Model;

/// <summary>A problem in a user's file (system file, runbook, guide), reported as <c>file:line:column: message</c>.</summary>
public sealed record InputError(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
