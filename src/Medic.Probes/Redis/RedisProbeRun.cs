using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Redis;

/// <summary>What a Redis probe works with once its session is open: the connection, its context and the data so far.</summary>
internal sealed record RedisProbeRun(RedisConnection Connection, RedisTarget Target, ProbeContext Context, JsonObject Data);
