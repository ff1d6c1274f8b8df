namespace Medic.Logs;

public sealed partial class TemplateMiner
{
    /// <summary>Merges templates that differ only where one of them already holds a value (after the stream).</summary>
    public void Compact()
    {
    }
}
