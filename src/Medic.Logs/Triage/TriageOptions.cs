using System.Text.RegularExpressions;
using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

public sealed class TriageOptions
{
    /// <summary>Extra variable patterns (<c>--mask</c>): each match becomes <c>&lt;*&gt;</c> before mining.</summary>
    public IReadOnlyList<Regex> Masks { get; init; } = [];

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>Templates, routes and baseline changes to list.</summary>
    public int Top { get; init; } = 15;

    public int Slowest { get; init; } = 10;

    public IReadOnlyList<SymptomPattern> Symptoms { get; init; } = [];

    /// <summary>Remember each line's template for <c>--emit-templates</c> (four bytes a line).</summary>
    public bool KeepAssignments { get; init; }

    /// <summary>Keep the spread of values per template variable (<c>VariableSpread</c>), for the records the report counts.</summary>
    public bool TrackValues { get; init; } = true;

    /// <summary>
    /// Keep value spreads only for records at this level or above (and records without a level): the CLI tracks warnings and
    /// errors, the templates it lists first, as tracking every record costs about a fifth of the throughput.
    /// </summary>
    public LogSeverity ValuesFrom { get; init; } = LogSeverity.Unknown;

    /// <summary>Values listed per template variable.</summary>
    public int TopValues { get; init; } = 5;

    /// <summary>Secret redaction applied to every example line and variable value the report holds (none when null).</summary>
    public Func<string, string>? Redact { get; init; }
}
