namespace Medic.Probes.Toml;

/// <summary>How a table came to be; decides which later headers and dotted keys may add to it.</summary>
internal enum TableOrigin
{
    /// <summary>Created as the parent of a header (<c>[a.b]</c> creates <c>a</c>); may be defined once later.</summary>
    Implicit,

    /// <summary>Defined by its own <c>[header]</c> (or the root).</summary>
    Header,

    /// <summary>Defined by dotted keys (<c>a.b = 1</c> defines <c>a</c>); headers may add sub-tables only.</summary>
    Dotted,

    /// <summary>An inline table or a table inside one; complete as written.</summary>
    Inline,
}
