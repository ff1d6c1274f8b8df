using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Medic.Logs.Formats;

/// <summary>
/// JSON lines: Go slog and zap, structlog, pino/bunyan, Serilog compact (<c>@t @l @m @mt @x</c>), Logstash.
/// Only top-level fields are read; nested objects are skipped.
/// </summary>
public sealed class JsonLineParser : ILogLineParser
{
    private const int StackBytes = 1024;
    private const int ShortText = 128;

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

        if (FlatJson.TryRead(span, line, line.Length - line.AsSpan().TrimStart().Length, record))
        {
            return true;
        }

        var max = Encoding.UTF8.GetMaxByteCount(span.Length);
        byte[]? rented = null;
        var buffer = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(span, buffer);
            return Read(buffer[..n], record);
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Reads the top-level fields. Keys are classified without becoming strings, and the time and level values are read
    /// in place; only the values a record keeps as text (message, component, request ID, …) are made into strings.
    /// </summary>
    private static bool Read(ReadOnlySpan<byte> json, LogRecord record)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<char> keyBuffer = stackalloc char[ShortText];
        Span<char> valueBuffer = stackalloc char[ShortText];
        string? template = null;
        var sawError = false;
        var serilog = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                StructuredFields.Finish(record, template, sawError, serilog);
                return true;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var keyLength = Copy(ref reader, keyBuffer);
            ReadOnlySpan<char> key = keyLength >= 0 ? keyBuffer[..keyLength] : AsString(ref reader);
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

            var isNumber = reader.TokenType == JsonTokenType.Number;
            switch (reader.TokenType)
            {
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    sawError |= kind == FieldKind.Error;
                    reader.Skip();
                    continue;
                default:
                    continue;
            }

            // a JSON string's text is empty exactly when its raw bytes are (an escape is never empty)
            sawError |= kind == FieldKind.Error && reader.ValueSpan.Length > 0;
            switch (kind)
            {
                case FieldKind.Error:
                    continue;
                case FieldKind.Time or FieldKind.Level:
                    var length = Copy(ref reader, valueBuffer);
                    ReadOnlySpan<char> text = length >= 0 ? valueBuffer[..length] : AsString(ref reader);
                    if (kind == FieldKind.Time)
                    {
                        StructuredFields.ApplyTime(record, text, isNumber);
                    }
                    else
                    {
                        StructuredFields.ApplyLevel(record, text, isNumber);
                    }

                    continue;
                case FieldKind.Duration when isNumber && double.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                    record.Duration ??= DurationValue.FromBare(key, d, reader.ValueSpan.IndexOfAny("eE."u8) >= 0);
                    continue;
            }

            StructuredFields.Apply(record, kind, key, AsString(ref reader), isNumber, ref template);
        }

        return false;
    }

    /// <summary>A property name or scalar value as text (unescaped; booleans as true/false, numbers as written): its length in the buffer, or -1 when it does not fit.</summary>
    private static int Copy(scoped ref Utf8JsonReader reader, scoped Span<char> buffer) =>
        reader.ValueSpan.Length > buffer.Length ? -1
        : reader.TokenType switch
        {
            JsonTokenType.String or JsonTokenType.PropertyName => reader.CopyString(buffer),
            JsonTokenType.Number => Encoding.UTF8.GetChars(reader.ValueSpan, buffer),
            _ => Copy(reader.GetBoolean() ? "true" : "false", buffer),
        };

    private static int Copy(string text, Span<char> buffer) => text.AsSpan().TryCopyTo(buffer) ? text.Length : -1;

    private static string AsString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => reader.GetString() ?? "",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => reader.GetBoolean() ? "true" : "false",
    };
}
