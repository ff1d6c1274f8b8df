using System.Text.Json.Nodes;

namespace Medic.Core.Model;

/// <summary>What one probe invocation saw. Plain JSON data, so the same runbooks run live, on a bundle and in history.</summary>
public sealed record Observation(
    string Probe,
    string Component,
    JsonObject Args,
    DateTimeOffset Started,
    double DurationMs,
    ObservationStatus Status,
    JsonNode? Data,
    ProbeError? Error);
