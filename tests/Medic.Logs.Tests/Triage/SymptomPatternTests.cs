using Medic.Logs.Triage;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests.Triage;

public sealed class SymptomPatternTests
{
    private static readonly RunbookRef Runbook = new("x.y", "X", []);

    private static List<SymptomPattern> From(string text, string? regex = null) =>
        [.. SymptomPattern.From(Runbook, text, regex is null ? null : new System.Text.RegularExpressions.Regex(regex))];

    [Theory]
    [InlineData("QueuePool limit of size 5 overflow 10 reached, connection timed out", true)]
    [InlineData("QueuePool limit of 5 overflow 10 reached", true)]
    [InlineData("QueuePool is healthy", false)]
    public void Capital_letter_placeholders_in_quoted_fragments_match_values(string line, bool matches) =>
        From("`TimeoutError` or `QueuePool limit of X overflow Y reached` in backend logs.").Any(p => p.Matches(line)).ShouldBe(matches);

    [Fact]
    public void Single_plain_words_and_commands_in_quotes_are_not_log_patterns()
    {
        From("Workflow status shows `failed`").ShouldBeEmpty();
        From("Check with `docker compose logs backend --tail=100`").ShouldBeEmpty();
        From("External API calls failing with `ErrCircuitOpen`").ShouldHaveSingleItem().Matches("call github: ErrCircuitOpen").ShouldBeTrue();
    }

    [Fact]
    public void Plain_symptoms_match_as_text_ignoring_case() =>
        From("Database is locked").ShouldHaveSingleItem().Matches("sqlite: database is locked (5)").ShouldBeTrue();

    [Fact]
    public void Regex_symptoms_are_used_as_given()
    {
        var p = From("circuit", """circuit breaker state changed.*\bto"?\s*[=:]\s*"?open""").ShouldHaveSingleItem();
        p.Matches("msg=\"circuit breaker state changed\" name=github from=closed to=open").ShouldBeTrue();
        p.Matches("""{"msg":"circuit breaker state changed","from":"closed","to":"open"}""").ShouldBeTrue();
        p.Matches("msg=\"circuit breaker state changed\" from=open to=half-open").ShouldBeFalse();
    }
}
