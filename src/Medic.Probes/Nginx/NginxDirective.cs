namespace Medic.Probes.Nginx;

/// <summary>
/// One directive: its name and arguments (unescaped), its block's directives when it opens one, and where it is.
/// Directives from included files take the include's place and keep their own file and line.
/// </summary>
internal sealed record NginxDirective(IReadOnlyList<NginxWord> Words, IReadOnlyList<NginxDirective>? Block, NginxPosition End)
{
    public string Name => Words[0].Value;

    public NginxPosition Position => Words[0].Position;

    public int ArgCount => Words.Count - 1;

    public IEnumerable<string> Args => Words.Skip(1).Select(w => w.Value);

    /// <summary>The <paramref name="index"/>th argument (0-based), or null.</summary>
    public string? Arg(int index) => index + 1 < Words.Count ? Words[index + 1].Value : null;

    /// <summary>The directives of its block named <paramref name="name"/>; none for a simple directive.</summary>
    public IEnumerable<NginxDirective> Children(string name) => Block?.Where(d => d.Name == name) ?? [];
}
