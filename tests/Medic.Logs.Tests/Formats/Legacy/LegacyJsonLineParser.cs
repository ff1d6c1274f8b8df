// The parser as it was before the span-based fast paths: the oracle the equivalence tests compare with.
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Formats.Legacy;

/// <summary>
/// JSON lines: Go slog and zap, structlog, pino/bunyan, Serilog compact (<c>@t @l @m @mt @x</c>), Logstash.
/// Only top-level fields are read; nested objects are skipped.
/// </summary>
internal sealed class LegacyJsonLineParser : ILogLineParser
{
    public string Name => "json";

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var span = line.AsSpan().Trim();
        if (span.Length < 2 || span[0] != '{' || span[^1] != '}')
        {
            return false;
        }

        var max = Encoding.UTF8.GetMaxByteCount(span.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(span, rented);
            return Read(new ReadOnlySpan<byte>(rented, 0, n), record);
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool Read(ReadOnlySpan<byte> json, LogRecord record)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? template = null;
        var sawError = false;
        var serilog = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                LegacyStructuredFields.Finish(record, template, sawError, serilog);
                return true;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var key = reader.GetString() ?? "";
            serilog |= key is "@t" or "@mt";
            reader.Read();
            var kind = FieldNames.Classify(key);
            if (kind == FieldKind.Other)
            {
                // values of fields nobody reads are not materialised
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                continue;
            }

            string value;
            var isNumber = false;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    value = reader.GetString() ?? "";
                    break;
                case JsonTokenType.Number:
                    value = Encoding.UTF8.GetString(reader.ValueSpan);
                    isNumber = true;
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    value = reader.GetBoolean() ? "true" : "false";
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    sawError |= kind == FieldKind.Error;
                    reader.Skip();
                    continue;
                default:
                    continue;
            }

            sawError |= kind == FieldKind.Error && value.Length > 0;
            if (kind == FieldKind.Duration && isNumber && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                record.Duration ??= LegacyDurationValue.FromBare(key, d, value.Contains('.', StringComparison.Ordinal) || value.Contains('e', StringComparison.OrdinalIgnoreCase));
                continue;
            }

            LegacyStructuredFields.Apply(record, key, value, isNumber, ref template);
        }

        return false;
    }
}
