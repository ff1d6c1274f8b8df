using System.Collections.Frozen;

namespace Medic.Logs.Formats;

/// <summary>The usual names of level, time, message, duration and request-ID fields across logging libraries.</summary>
public static class FieldNames
{
    private static readonly FrozenDictionary<string, FieldKind> Known = new Dictionary<string, FieldKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = FieldKind.Time, ["ts"] = FieldKind.Time, ["timestamp"] = FieldKind.Time, ["@t"] = FieldKind.Time,
        ["@timestamp"] = FieldKind.Time, ["datetime"] = FieldKind.Time, ["asctime"] = FieldKind.Time, ["date"] = FieldKind.Time,
        ["t"] = FieldKind.Time, ["logtime"] = FieldKind.Time, ["time_local"] = FieldKind.Time, ["eventtime"] = FieldKind.Time,
        ["level"] = FieldKind.Level, ["lvl"] = FieldKind.Level, ["severity"] = FieldKind.Level, ["@l"] = FieldKind.Level,
        ["loglevel"] = FieldKind.Level, ["log.level"] = FieldKind.Level, ["levelname"] = FieldKind.Level, ["log_level"] = FieldKind.Level,
        ["severity_text"] = FieldKind.Level, ["priority"] = FieldKind.Level,
        ["msg"] = FieldKind.Message, ["message"] = FieldKind.Message, ["@m"] = FieldKind.Message, ["event"] = FieldKind.Message,
        ["log"] = FieldKind.Message, ["text"] = FieldKind.Message, ["body"] = FieldKind.Message,
        ["@mt"] = FieldKind.Template, ["messagetemplate"] = FieldKind.Template,
        ["logger"] = FieldKind.Component, ["component"] = FieldKind.Component, ["module"] = FieldKind.Component, ["name"] = FieldKind.Component,
        ["logger_name"] = FieldKind.Component, ["sourcecontext"] = FieldKind.Component, ["caller"] = FieldKind.Component,
        ["service"] = FieldKind.Component, ["subsystem"] = FieldKind.Component,
        ["duration"] = FieldKind.Duration, ["elapsed"] = FieldKind.Duration, ["latency"] = FieldKind.Duration, ["took"] = FieldKind.Duration,
        ["request_time"] = FieldKind.Duration, ["response_time"] = FieldKind.Duration, ["elapsedmilliseconds"] = FieldKind.Duration,
        ["time_taken"] = FieldKind.Duration, ["upstream_response_time"] = FieldKind.Duration,
        ["request_id"] = FieldKind.RequestId, ["requestid"] = FieldKind.RequestId, ["req_id"] = FieldKind.RequestId, ["reqid"] = FieldKind.RequestId,
        ["trace_id"] = FieldKind.RequestId, ["traceid"] = FieldKind.RequestId, ["correlation_id"] = FieldKind.RequestId,
        ["correlationid"] = FieldKind.RequestId, ["x-request-id"] = FieldKind.RequestId, ["x_request_id"] = FieldKind.RequestId,
        ["@tr"] = FieldKind.RequestId, ["trace"] = FieldKind.RequestId, ["rid"] = FieldKind.RequestId, ["request.id"] = FieldKind.RequestId,
        ["method"] = FieldKind.Method, ["http_method"] = FieldKind.Method, ["http.method"] = FieldKind.Method, ["requestmethod"] = FieldKind.Method,
        ["verb"] = FieldKind.Method,
        ["path"] = FieldKind.Path, ["route"] = FieldKind.Path, ["uri"] = FieldKind.Path, ["url"] = FieldKind.Path, ["http.path"] = FieldKind.Path,
        ["requestpath"] = FieldKind.Path, ["endpoint"] = FieldKind.Path, ["request_uri"] = FieldKind.Path,
        ["status"] = FieldKind.Status, ["status_code"] = FieldKind.Status, ["statuscode"] = FieldKind.Status, ["http.status_code"] = FieldKind.Status,
        ["http_status"] = FieldKind.Status,
        ["error"] = FieldKind.Error, ["err"] = FieldKind.Error, ["@x"] = FieldKind.Error, ["exception"] = FieldKind.Error, ["exc_info"] = FieldKind.Error,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, FieldKind>.AlternateLookup<ReadOnlySpan<char>> KnownSpans =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    public static FieldKind Classify(string key) => Classify(key.AsSpan());

    /// <summary>The same as <see cref="Classify(string)"/> for a key not made into a string (JSON and logfmt parsing).</summary>
    public static FieldKind Classify(ReadOnlySpan<char> key)
    {
        if (Recent.TryGet(key, out var kind))
        {
            return kind;
        }

        kind = Lookup(key);
        Recent.Set(key, kind);
        return kind;
    }

    private static readonly RecentAnswers<FieldKind> Recent = new();

    private static FieldKind Lookup(ReadOnlySpan<char> key)
    {
        if (KnownSpans.TryGetValue(key, out var kind))
        {
            return kind;
        }

        // duration_ms, latency_us, elapsed_seconds, took_ms, response_time_ms …
        return DurationValue.UnitOfKey(key) is not null ? FieldKind.Duration : FieldKind.Other;
    }
}
