namespace Medic.Probes.Toml;

/// <summary>Why a TOML document is invalid, and where (1-based).</summary>
public sealed record TomlError(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
