namespace Medic.Probes.Nginx;

/// <summary>
/// An nginx configuration as read from its main file: every file read (in order), the directives with includes
/// expanded, and the first error nginx would stop at (then the directives are those read before it).
/// </summary>
internal sealed record NginxConfig(string MainFile, IReadOnlyList<string> Files, IReadOnlyList<NginxDirective> Directives, NginxSyntaxError? Error)
{
    public bool SyntaxOk => Error is null;

    /// <summary>Top-level directives named <paramref name="name"/>.</summary>
    public IEnumerable<NginxDirective> Children(string name) => Directives.Where(d => d.Name == name);
}
