using System.Text.Json.Nodes;
using Medic.Core.Model;

namespace Medic.Knowledge.RunbookTests;

/// <summary>One fixture case from a <c>*.tests.yaml</c> file: observations per check in, expected cause IDs out.</summary>
public sealed record RunbookTestCase(
    string RunbookId,
    string Name,
    JsonObject ComponentSettings,
    IReadOnlyDictionary<string, Observation> Observations,
    IReadOnlyList<string> Expected,
    SourcePosition Position);
