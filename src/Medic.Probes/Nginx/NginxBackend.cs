namespace Medic.Probes.Nginx;

/// <summary>
/// Where nginx sends requests: an <c>upstream</c> block with its servers, or a <c>proxy_pass</c> straight to an
/// address (then <see cref="Upstream"/> is null and there is one server). <see cref="Locations"/> proxy to it.
/// </summary>
internal sealed record NginxBackend(string Name, string? Upstream, IReadOnlyList<string> Locations, IReadOnlyList<NginxBackendServer> Servers);
