using Medic.Knowledge.Guides;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class GuideLintSeedTests
{
    [Theory]
    [InlineData(Seeds.Pma, "secret-on-command-line", 120)]
    [InlineData(Seeds.CodeAi, "jwt-base64", 106)]
    [InlineData(Seeds.CodeAi, "jwt-base64", 112)]
    [InlineData(Seeds.CodeAi, "date-r-epoch", 112)]
    [InlineData(Seeds.CodeAi, "pprof-binary", 372)]
    [InlineData(Seeds.CodeAi, "unquoted-ampersand", 598)]
    [InlineData(Seeds.HarmonyLite, "sqlite-creates", 52)]
    [InlineData(Seeds.HarmonyLite, "sqlite-creates", 635)]
    [InlineData(Seeds.HarmonyLite, "like-underscore", 58)]
    [InlineData(Seeds.HarmonyLite, "like-underscore", 61)]
    [InlineData(Seeds.HarmonyLite, "like-underscore", 145)]
    [InlineData(Seeds.HarmonyLite, "like-underscore", 674)]
    [InlineData(Seeds.HarmonyLite, "secret-on-command-line", 309)]
    public void Seed_traps_warn_at_their_line(string seed, string rule, int line)
    {
        var warnings = Seeds.Load(seed).Warnings;
        warnings.ShouldContain(w => w.Rule == rule && w.Line == line, string.Join("\n", warnings.Select(w => $"{w.Line} {w.Rule}")));
    }

    [Fact]
    public void Seed_warnings_carry_a_safe_form_that_itself_does_not_warn_for_the_same_rule()
    {
        foreach (var seed in Seeds.All)
        {
            foreach (var w in Seeds.Load(seed).Warnings.Where(w => w.Rule is "date-r-epoch" or "pprof-binary" or "unquoted-ampersand"))
            {
                w.SafeForm.ShouldNotBeNullOrWhiteSpace();
                var again = GuideImporter.Parse("g.md", "g.md", $"# G\n\n## Problem: x\n\n```bash\n{w.SafeForm}\n```\n").Warnings;
                again.ShouldNotContain(x => x.Rule == w.Rule, w.SafeForm);
            }
        }
    }

    [Fact]
    public void A_guide_with_only_safe_commands_has_no_warnings()
    {
        Seeds.Load(Seeds.AriesOne).Warnings.Where(w => w.Rule != "mutating-diagnostic").ShouldBeEmpty();
    }
}
