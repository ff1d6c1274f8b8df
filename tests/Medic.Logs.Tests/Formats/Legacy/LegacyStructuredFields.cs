// The parser as it was before the span-based fast paths: the oracle the equivalence tests compare with.
using System.Globalization;

using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Formats.Legacy;

/// <summary>Applies one key=value pair of a structured line (JSON, logfmt) to the record by the key's usual meaning.</summary>
internal static class LegacyStructuredFields
{
    /// <summary>Returns whether the key was one of the recognised kinds.</summary>
    public static bool Apply(LogRecord record, string key, string value, bool isNumber, ref string? template)
    {
        switch (FieldNames.Classify(key))
        {
            case FieldKind.Time:
                record.Timestamp ??= isNumber && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)
                    ? LegacyTimestampValue.FromEpoch(epoch)
                    : LegacyTimestampValue.Parse(value);
                return true;
            case FieldKind.Level:
                if (record.Severity == LogSeverity.Unknown)
                {
                    record.Severity = isNumber && long.TryParse(value, CultureInfo.InvariantCulture, out var n)
                        ? Severities.FromNumber(n, syslog: n <= 7)
                        : Severities.Parse(value);
                }

                return true;
            case FieldKind.Message:
                if (record.Message.Length == 0)
                {
                    record.Message = value;
                }

                return true;
            case FieldKind.Template:
                template ??= value;
                return true;
            case FieldKind.Component:
                record.Component ??= value;
                return true;
            case FieldKind.Duration:
                record.Duration ??= LegacyDurationValue.Parse(key, value);
                return true;
            case FieldKind.RequestId:
                if (value.Length > 0 && value != "-")
                {
                    record.RequestId ??= value;
                }

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

    /// <summary>Serilog's compact JSON has no @l for Information, and @mt instead of @m; an error field raises an unknown level.</summary>
    public static void Finish(LogRecord record, string? template, bool sawError, bool serilog)
    {
        if (record.Message.Length == 0 && template is not null)
        {
            record.Message = template;
        }

        if (record.Severity == LogSeverity.Unknown)
        {
            record.Severity = serilog ? LogSeverity.Info : sawError ? LogSeverity.Error : LogSeverity.Unknown;
        }
    }
}
