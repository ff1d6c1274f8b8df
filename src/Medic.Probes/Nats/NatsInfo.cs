using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Nats;

/// <summary>Reads the server's INFO line into observation data: who the server is and what it requires of clients.</summary>
internal static class NatsInfo
{
    /// <summary>Parses <c>INFO {…}</c>; throws <see cref="NatsProtocolException"/> when it is not one.</summary>
    public static JsonObject Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line.AsSpan(5).Trim().ToString()) as JsonObject
                ?? throw new NatsProtocolException("the server's INFO does not hold a JSON object");
        }
        catch (JsonException e)
        {
            throw new NatsProtocolException($"the server's INFO is not valid JSON: {e.Message}");
        }
    }

    public static void Fill(JsonObject data, JsonObject info)
    {
        data["server_id"] = NatsJson.String(info, "server_id");
        data["server_name"] = NatsJson.String(info, "server_name");
        data["version"] = NatsJson.String(info, "version");
        data["go"] = NatsJson.String(info, "go");
        data["proto"] = NatsJson.Long(info, "proto");
        data["jetstream"] = NatsJson.Bool(info, "jetstream") ?? false;
        data["max_payload_bytes"] = NatsJson.Long(info, "max_payload");
        data["headers"] = NatsJson.Bool(info, "headers") ?? false;
        data["auth_required"] = NatsJson.Bool(info, "auth_required") ?? false;
        data["tls_required"] = NatsJson.Bool(info, "tls_required") ?? false;
        data["tls_available"] = NatsJson.Bool(info, "tls_available") ?? false;

        // A server asking clients to sign a nonce accepts nkeys or JWTs, which Medic does not send.
        data["nonce_auth"] = NatsJson.String(info, "nonce") is { Length: > 0 };
        data["cluster"] = NatsJson.String(info, "cluster");
        data["domain"] = NatsJson.String(info, "domain");
        data["connect_urls"] = NatsJson.Get(info, "connect_urls") is JsonArray urls ? urls.DeepClone() : new JsonArray();

        // Lame duck mode: the server is draining its clients before it shuts down.
        data["lame_duck_mode"] = NatsJson.Bool(info, "ldm") ?? false;
        data["client_id"] = NatsJson.Long(info, "client_id");
        data["client_ip"] = NatsJson.String(info, "client_ip");
    }
}
