using System.Globalization;

namespace Medic.Logs.Formats;

/// <summary>Applies one key=value pair of a structured line (JSON, logfmt) to the record by the key's usual meaning.</summary>
internal static class StructuredFields
{
    /// <summary>Returns whether the key was one of the recognised kinds.</summary>
    public static bool Apply(LogRecord record, string key, string value, bool isNumber, ref string? template) =>
        Apply(record, FieldNames.Classify(key), key, value, isNumber, ref template);

    /// <summary>The same, with the key already classified and not necessarily a string.</summary>
    public static bool Apply(LogRecord record, FieldKind kind, ReadOnlySpan<char> key, string value, bool isNumber, ref string? template)
    {
        if (ApplyText(record, kind, value, 0, value.Length))
        {
            return true;
        }

        switch (kind)
        {
            case FieldKind.Time:
                ApplyTime(record, value, isNumber);
                return true;
            case FieldKind.Level:
                ApplyLevel(record, value, isNumber);
                return true;
            case FieldKind.Template:
                template ??= value;
                return true;
            case FieldKind.Duration:
                record.Duration ??= DurationValue.Parse(key, value);
                return true;
            case FieldKind.Method:
                record.Method ??= value.ToUpperInvariant();
                return true;
            case FieldKind.Path:
                record.Path ??= value;
                return true;
            case FieldKind.Status:
                record.Status ??= int.TryParse(value, CultureInfo.InvariantCulture, out var status) ? status : null;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The message, component or request ID, given as <c>text[start..start+length]</c> (a stretch of the record's line
    /// stays one until read): the first one wins; a request ID of "" or "-" names none. False for other kinds.
    /// </summary>
    public static bool ApplyText(LogRecord record, FieldKind kind, string text, int start, int length)
    {
        switch (kind)
        {
            case FieldKind.Message:
                if (!record.HasMessage)
                {
                    record.SetMessage(text, start, length);
                }

                return true;
            case FieldKind.Component:
                if (!record.HasComponent)
                {
                    record.SetComponent(text, start, length);
                }

                return true;
            case FieldKind.RequestId:
                if (length > 0 && text.AsSpan(start, length) is not "-" && !record.HasRequestId)
                {
                    record.SetRequestId(text, start, length);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A time field: the first one wins, and is only parsed while the record has none.</summary>
    public static void ApplyTime(LogRecord record, ReadOnlySpan<char> value, bool isNumber)
    {
        record.Timestamp ??= isNumber && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)
            ? TimestampValue.FromEpoch(epoch)
            : TimestampValue.Parse(value);
    }

    /// <summary>A level field: the first one that names a level wins.</summary>
    public static void ApplyLevel(LogRecord record, ReadOnlySpan<char> value, bool isNumber)
    {
        if (record.Severity == LogSeverity.Unknown)
        {
            record.Severity = isNumber && long.TryParse(value, CultureInfo.InvariantCulture, out var n)
                ? Severities.FromNumber(n, syslog: n <= 7)
                : Severities.Parse(value);
        }
    }

    /// <summary>Serilog's compact JSON has no @l for Information, and @mt instead of @m; an error field raises an unknown level.</summary>
    public static void Finish(LogRecord record, string? template, bool sawError, bool serilog)
    {
        if (!record.HasMessage && template is not null)
        {
            record.Message = template;
        }

        if (record.Severity == LogSeverity.Unknown)
        {
            record.Severity = serilog ? LogSeverity.Info : sawError ? LogSeverity.Error : LogSeverity.Unknown;
        }
    }
}
