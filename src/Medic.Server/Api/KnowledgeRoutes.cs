using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Medic.Server.Api;

/// <summary>A knowledge-base search: <c>GET /api/kb?q=TEXT[&amp;n=3]</c>, the same ranking as <c>medic ask</c>.</summary>
public static class KnowledgeRoutes
{
    public static void Map(IEndpointRouteBuilder app, KnowledgeSearch? search)
    {
        app.MapGet("/api/kb", (string? q, int? n) =>
        {
            if (search is null)
            {
                return Results.NotFound(new { error = "this server has no knowledge base (start it with --kb PATH)" });
            }

            var text = q?.Trim() ?? "";
            var limit = n ?? 3;
            if (text.Length == 0 || text.Length > 1000 || limit is < 1 or > 50)
            {
                return Results.BadRequest(new { error = "give q (1 to 1000 characters) and n from 1 to 50" });
            }

            return Results.Json(new { query = text, results = search(text, limit) });
        });
    }
}

/// <summary>Searches the knowledge base; returns the ranked results, ready to serialise.</summary>
public delegate IReadOnlyList<object> KnowledgeSearch(string text, int limit);
