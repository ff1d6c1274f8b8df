using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Medic.Scenarios.Tests.StandIn;

namespace Medic.Scenarios.Tests.Bundles;

/// <summary>A stand-in surface serving fixed bodies at fixed paths (the leak test's HTTP bodies).</summary>
internal sealed class StaticSurface(IReadOnlyDictionary<string, (string ContentType, string Body)> routes) : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults)
    {
        foreach (var (path, (type, body)) in routes)
        {
            app.MapGet(path, () => Results.Text(body, type));
        }
    }
}
