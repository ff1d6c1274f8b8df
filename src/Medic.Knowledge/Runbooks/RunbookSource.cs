namespace Medic.Knowledge.Runbooks;

/// <summary>The text of one runbook file and the pack it belongs to. <see cref="Path"/> is what errors name.</summary>
public sealed record RunbookSource(string Pack, string Path, string Text)
{
    public bool IsTestFile => Path.EndsWith(".tests.yaml", StringComparison.Ordinal);
}
