using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Medic.Core.Model;

namespace Medic.Core.Conditions;

public sealed partial class Value
{
    private static readonly JsonSerializerOptions CompactJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 256,
    };

    private static readonly string[] SizeUnits = ["B", "KB", "MB", "GB", "TB", "PB"];

    /// <summary>Human form for explanations: strings bare, durations "1.5s", sizes "12 MB", lists "a, b".</summary>
    public string Format() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => _number != 0 ? "true" : "false",
        ValueKind.Number => FormatNumber(_number),
        ValueKind.String => _string ?? "",
        ValueKind.Duration => FormatMilliseconds(_number),
        ValueKind.Size => FormatBytes(_number),
        ValueKind.List => FormatList(),
        ValueKind.Object => FormatObject(),
        _ => "",
    };

    internal static string FormatNumber(double n) =>
        Math.Abs(n) < 1e15 && n == Math.Floor(n)
            ? ((long)n).ToString(CultureInfo.InvariantCulture)
            : n.ToString(CultureInfo.InvariantCulture);

    private static string FormatMilliseconds(double ms)
    {
        if (ms < 0)
        {
            return "-" + FormatMilliseconds(-ms);
        }

        return ms < TimeSpan.MaxValue.TotalMilliseconds / 2
            ? Quantities.FormatDuration(TimeSpan.FromMilliseconds(ms))
            : (ms / 3_600_000).ToString("0.##", CultureInfo.InvariantCulture) + "h";
    }

    private static string FormatBytes(double bytes)
    {
        if (bytes < 0)
        {
            return "-" + FormatBytes(-bytes);
        }

        var unit = 0;
        while (bytes >= 1024 && unit < SizeUnits.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return bytes.ToString("0.##", CultureInfo.InvariantCulture) + " " + SizeUnits[unit];
    }

    private string FormatList() =>
        RuntimeHelpers.TryEnsureSufficientExecutionStack() ? string.Join(", ", Items.Select(i => i.Format())) : "…";

    private string FormatObject()
    {
        try
        {
            return _object?.ToJsonString(CompactJson) ?? "{}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return "{…}";
        }
    }
}
