using System.Text;
using Shouldly;
using Xunit;

namespace Medic.Bundles.Tests;

public sealed class RedactorTests
{
    [Fact]
    public void Corpus_has_at_least_forty_kinds()
    {
        LeakCorpus.All.Select(s => s.Kind).Distinct().Count().ShouldBeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public void No_planted_secret_survives_in_raw_base64_or_url_encoded_form()
    {
        var redactor = new Redactor();
        var input = string.Join("\n", LeakCorpus.All.Select(s => s.Text)) + "\n";
        var output = redactor.Redact(input);
        foreach (var planted in LeakCorpus.All)
        {
            foreach (var form in Forms(planted.Secret))
            {
                output.ShouldNotContain(form, Case.Sensitive, $"{planted.Kind} leaked as '{form}'");
            }
        }
    }

    [Fact]
    public void Each_planted_secret_is_caught_by_its_rule_and_counts_match()
    {
        var redactor = new Redactor();
        foreach (var planted in LeakCorpus.All)
        {
            var before = redactor.Counts.GetValueOrDefault(planted.Rule);
            var total = redactor.Total;
            var output = redactor.Redact(planted.Text);
            output.ShouldNotContain(planted.Secret, Case.Sensitive, planted.Kind);
            redactor.Counts.GetValueOrDefault(planted.Rule).ShouldBe(before + 1, planted.Kind);
            redactor.Total.ShouldBe(total + 1, planted.Kind);
        }
        var expected = LeakCorpus.All.GroupBy(s => s.Rule).ToDictionary(g => g.Key, g => g.Count());
        redactor.Counts.OrderBy(kv => kv.Key).ShouldBe(expected.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void The_same_secret_gets_the_same_placeholder_across_files()
    {
        var redactor = new Redactor();
        var config = redactor.Redact("password: s3cr3t-shared\n");
        var log = redactor.Redact("level=warn password=s3cr3t-shared\n");
        var other = redactor.Redact("password: different-one\n");
        config.ShouldBe("password: [REDACTED:secret-key#1]\n");
        log.ShouldBe("level=warn password=[REDACTED:secret-key#1]\n");
        other.ShouldBe("password: [REDACTED:secret-key#2]\n");
        redactor.Counts["secret-key"].ShouldBe(3);
    }

    [Fact]
    public void Text_without_secrets_is_unchanged()
    {
        var redactor = new Redactor();
        const string text = "listen 8080;\nworker_processes 2;\nmaxmemory 100mb\nkeys: 12\n{\"status\":\"ok\",\"db\":\"up\"}\n";
        redactor.Redact(text).ShouldBe(text);
        redactor.Total.ShouldBe(0);
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        var redactor = new Redactor();
        var once = redactor.Redact(string.Join("\n", LeakCorpus.All.Select(s => s.Text)));
        var total = redactor.Total;
        redactor.Redact(once).ShouldBe(once);
        redactor.Total.ShouldBe(total);
    }

    [Theory]
    [InlineData("login ok password=<*> user=<*>")]
    [InlineData("GET /v1/items?api_key=<*>&page=<*>")]
    [InlineData("Authorization: Bearer <*>")]
    [InlineData("connect postgres://app:<*>@db:5432/app")]
    [InlineData("token=\"<*>.<*>.<*>\"")]
    public void A_log_template_wildcard_is_not_a_secret(string template)
    {
        var redactor = new Redactor();
        redactor.Redact(template).ShouldBe(template);
        redactor.Total.ShouldBe(0);
    }

    [Theory]
    [InlineData("password=<*>hunter2", "hunter2")]
    [InlineData("api_key=sk<*>", "sk<*>")]
    [InlineData("Cookie: theme=dark; session=<*>", "theme=dark")]
    public void A_wildcard_beside_constant_text_is_still_redacted(string template, string secret)
    {
        new Redactor().Redact(template).ShouldNotContain(secret);
    }

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        var escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
        {
            yield return escaped;
        }
    }
}
