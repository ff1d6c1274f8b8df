namespace Medic.Knowledge.Guides;

/// <summary>What an entry describes: a problem section, any other section, one row of an error-code table, or a runbook.</summary>
public enum EntryKind
{
    Problem,
    Section,
    ErrorCode,
    Runbook,
}

/// <summary>One searchable piece of a guide (or a runbook): a problem with its symptoms, causes, diagnostics and fixes.</summary>
public sealed record GuideEntry
{
    public required string Guide { get; init; }

    public required EntryKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>Headings from the top of the guide down to this entry's own heading.</summary>
    public required IReadOnlyList<string> SectionPath { get; init; }

    public required string Anchor { get; init; }

    /// <summary>1-based line of the entry's heading (or table row) in the guide.</summary>
    public required int Line { get; init; }

    public IReadOnlyList<string> Symptoms { get; init; } = [];

    public IReadOnlyList<string> Causes { get; init; } = [];

    public IReadOnlyList<DiagnosticStep> Diagnostics { get; init; } = [];

    public IReadOnlyList<string> Fixes { get; init; } = [];

    /// <summary>Everything else the section says, as plain text.</summary>
    public string Body { get; init; } = "";

    /// <summary>For error-code rows: the code (<c>1003</c>, <c>AUTH007</c>, <c>ErrCircuitOpen</c>).</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? Meaning { get; init; }

    public string? Resolution { get; init; }

    /// <summary>For runbook entries: the guide sections (<c>file#anchor</c>) the runbook cites.</summary>
    public IReadOnlyList<string> Refs { get; init; } = [];

    /// <summary>Key within the guide: the anchor, or anchor#code@line for an error-code row.</summary>
    public string Key => Code is null ? Anchor : $"{Anchor}#{Code}@{Line}";

    public string Section => string.Join(" > ", SectionPath);
}
