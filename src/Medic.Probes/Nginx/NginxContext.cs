namespace Medic.Probes.Nginx;

/// <summary>
/// Where a directive stands, as nginx's own context flags tell them apart (an <c>if</c> in a server is not an
/// <c>if</c> in a location). <see cref="Opaque"/> is any block whose contents Medic does not check: <c>map</c>,
/// <c>types</c>, <c>stream</c>, third-party modules.
/// </summary>
[Flags]
internal enum NginxContext
{
    None = 0,
    Main = 1,
    Events = 2,
    Http = 4,
    Server = 8,
    Location = 16,
    Upstream = 32,
    IfInServer = 64,
    IfInLocation = 128,
    LimitExcept = 256,
    Opaque = 512,

    /// <summary>http, server and location: where most http directives may stand.</summary>
    HttpServerLocation = Http | Server | Location,
}
