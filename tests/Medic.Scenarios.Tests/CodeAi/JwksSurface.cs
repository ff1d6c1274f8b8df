using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Medic.Scenarios.Tests.StandIn;

namespace Medic.Scenarios.Tests.CodeAi;

/// <summary>The identity provider CodeAI fetches its signing keys from: <c>/.well-known/jwks.json</c>.</summary>
internal sealed class JwksSurface(string jwks) : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults) =>
        app.MapGet("/.well-known/jwks.json", () => Results.Text(jwks, "application/json"));
}
