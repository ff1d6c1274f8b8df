namespace Medic.Probes.Nginx;

/// <summary>
/// The chain of blocks a location inherits from (http, server, enclosing locations, the location itself), with
/// nginx's inheritance rules: a setting comes from the innermost block that has it; array settings such as
/// <c>proxy_set_header</c> come all from the innermost block that has any of them, so one header set in a location
/// drops every header set above it.
/// </summary>
internal sealed class NginxScope
{
    private readonly IReadOnlyList<IReadOnlyList<NginxDirective>> _levels;

    private NginxScope(IReadOnlyList<IReadOnlyList<NginxDirective>> levels) => _levels = levels;

    public static NginxScope Root(IReadOnlyList<NginxDirective> block) => new([block]);

    public NginxScope Enter(IReadOnlyList<NginxDirective> block) => new([.. _levels, block]);

    /// <summary>The block this scope ends in.</summary>
    public IReadOnlyList<NginxDirective> Innermost => _levels[^1];

    /// <summary>The effective directive named <paramref name="name"/>, or null when nginx's default applies.</summary>
    public NginxDirective? Find(string name)
    {
        for (var i = _levels.Count - 1; i >= 0; i--)
        {
            if (_levels[i].LastOrDefault(d => d.Name == name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The effective directives of an array setting: all of the innermost block that has any.</summary>
    public IReadOnlyList<NginxDirective> FindAll(string name)
    {
        for (var i = _levels.Count - 1; i >= 0; i--)
        {
            var found = _levels[i].Where(d => d.Name == name).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    /// <summary>Directives of an array setting set in outer blocks that the innermost setting block hides.</summary>
    public IEnumerable<NginxDirective> Hidden(string name)
    {
        var innermost = -1;
        for (var i = _levels.Count - 1; i >= 0 && innermost < 0; i--)
        {
            if (_levels[i].Any(d => d.Name == name))
            {
                innermost = i;
            }
        }

        return innermost <= 0 ? [] : _levels.Take(innermost).SelectMany(l => l.Where(d => d.Name == name));
    }
}
