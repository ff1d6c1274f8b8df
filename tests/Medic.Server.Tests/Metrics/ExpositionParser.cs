using System.Globalization;
using System.Text;

namespace Medic.Server.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, enough to check the server's output: every sample belongs to a
/// family declared by HELP then TYPE before it, label values are unescaped, values parse as floats.
/// </summary>
internal static class ExpositionParser
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed record Family(string Name, string Type, string Help, List<Sample> Samples);

    public static Dictionary<string, Family> Parse(string text)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        string? help = null;
        string? helpName = null;
        Family? current = null;
        var lines = text.Split('\n');
        if (lines[^1].Length != 0)
        {
            throw new FormatException("the output must end with a newline");
        }

        foreach (var line in lines[..^1])
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line["# HELP ".Length..];
                helpName = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
                help = rest[(helpName.Length + 1)..];
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts[2] != helpName || families.ContainsKey(parts[2]))
                {
                    throw new FormatException($"TYPE without HELP or declared twice: {line}");
                }

                if (parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
                {
                    throw new FormatException($"bad type: {line}");
                }

                current = new Family(parts[2], parts[3], help!, []);
                families[current.Name] = current;
            }
            else
            {
                var sample = ParseSample(line);
                var family = current ?? throw new FormatException($"sample before any TYPE: {line}");
                var allowed = family.Type == "histogram"
                    ? new[] { family.Name + "_bucket", family.Name + "_sum", family.Name + "_count" }
                    : [family.Name];
                if (!allowed.Contains(sample.Name))
                {
                    throw new FormatException($"sample {sample.Name} outside its family {family.Name}");
                }

                family.Samples.Add(sample);
            }
        }

        return families;
    }

    private static Sample ParseSample(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var label = line[i..eq];
                i = eq + 1;
                if (line[i] != '"')
                {
                    throw new FormatException($"unquoted label value: {line}");
                }

                i++;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            _ => throw new FormatException($"bad escape: {line}"),
                        });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                labels[label] = value.ToString();
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        if (line[i] != ' ')
        {
            throw new FormatException($"expected a space before the value: {line}");
        }

        var raw = line[(i + 1)..];
        var number = raw switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, number);
    }
}
