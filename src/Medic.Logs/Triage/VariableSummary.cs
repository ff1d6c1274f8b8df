namespace Medic.Logs.Triage;

/// <summary>
/// The spread of values at one <c>&lt;*&gt;</c> of a template: <see cref="Wildcard"/> is its 1-based number in the template,
/// <see cref="Position"/> its token index, <see cref="Token"/> the template token holding it (<c>user_id=&lt;*&gt;</c>).
/// <see cref="Distinct"/> is exact unless <see cref="Estimate"/>; <see cref="Untracked"/> counts occurrences of values
/// beyond the tracked ones. Values are redacted as the rest of the report.
/// </summary>
public sealed record VariableSummary(int Wildcard, int Position, string Token, long Distinct, bool Estimate, long Untracked, IReadOnlyList<ValueCount> Top);

/// <summary>One value of a template variable and how many records carried it.</summary>
public sealed record ValueCount(string Value, long Count);
