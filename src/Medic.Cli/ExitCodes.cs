namespace Medic.Cli;

/// <summary>Exit codes shared by every command (DESIGN.md).</summary>
internal static class ExitCodes
{
    public const int Healthy = 0;
    public const int Findings = 1;
    public const int InputError = 2;
    public const int MedicFailed = 3;
    public const int Cancelled = 130;
}
