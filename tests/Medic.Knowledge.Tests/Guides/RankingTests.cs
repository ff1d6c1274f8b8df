using Medic.Knowledge.Index;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class RankingTests
{
    private static readonly Candidate Section = new(1, "guide.md", Runbook: false, "problem-locked", 20);
    private static readonly Candidate Other = new(2, "guide.md", Runbook: false, "problem-slow", 25);
    private static readonly Candidate Cited = new(3, "pack:app", Runbook: true, "app.locked", 15);
    private static readonly Candidate Generic = new(4, "pack:host", Runbook: true, "host.locked", 40);

    private static IReadOnlyList<(string, string)> Cites(Candidate c) => c.Id == Cited.Id ? [("guide.md", "problem-locked")] : [];

    [Fact]
    public void A_runbook_that_cites_a_matching_section_folds_into_it_and_adds_its_score()
    {
        var ranked = Ranking.Rank([Other, Section, Cited], new HashSet<string>(), Cites);

        ranked.Select(r => r.Id).ShouldBe([Section.Id, Other.Id]);
        ranked[0].Score.ShouldBe(35);
        ranked[0].Folded.ShouldBe([Cited.Id]);
    }

    [Fact]
    public void A_runbook_whose_section_did_not_match_stays_an_answer_of_its_own()
    {
        var ranked = Ranking.Rank([Other, Cited], new HashSet<string>(), Cites);

        ranked.Select(r => r.Id).ShouldBe([Other.Id, Cited.Id]);
        ranked[1].Score.ShouldBe(15);
    }

    [Fact]
    public void A_runbook_that_cites_no_section_weighs_less_than_a_guide_section_that_matches_about_as_well()
    {
        var ranked = Ranking.Rank([Generic, Other], new HashSet<string>(), Cites);

        ranked.Select(r => r.Id).ShouldBe([Other.Id, Generic.Id]);
        ranked[1].Score.ShouldBe(40 * Ranking.Generic);
    }

    [Fact]
    public void A_named_source_counts_double_for_its_entries_and_the_runbooks_that_cite_it()
    {
        var elsewhere = new Candidate(5, "other.md", Runbook: false, "problem-locked", 30);
        var ranked = Ranking.Rank([elsewhere, Section, Cited], new HashSet<string> { "guide.md" }, Cites);

        ranked[0].Id.ShouldBe(Section.Id);
        ranked[0].Score.ShouldBe((20 + 15) * Ranking.ProductBoost);
    }

    [Theory]
    [InlineData("listen tcp :3001: bind: address already in use", "3001")]
    [InlineData("WebSocket connection to 'ws://pma.local:3001/ws' failed", "3001")]
    [InlineData("dial tcp 10.0.0.7:5432: connect: connection refused", "5432")]
    public void A_port_stays_a_search_term(string text, string port) => QueryText.Terms(text).ShouldContain(port);

    [Theory]
    [InlineData("time=\"2026-11-30T22:14:09Z\" level=warn msg=\"breaker opened\"")]
    [InlineData("{\"status\":401,\"took\":1234}")]
    [InlineData("duration=2.004s request 12345 failed")]
    public void Times_ids_and_json_numbers_are_not_ports(string text) =>
        QueryText.Terms(text).ShouldAllBe(t => !char.IsDigit(t[0]));

    [Fact]
    public void Contractions_leave_no_stub_behind() => QueryText.Terms("pma won't start and isn't logging").ShouldBe(["pma", "start", "logging"]);
}
