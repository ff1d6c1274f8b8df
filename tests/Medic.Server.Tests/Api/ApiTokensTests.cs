using Medic.Core.Model;
using Medic.Server.Api;
using Medic.Server.Scheduling;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Api;

public sealed class ApiTokensTests
{
    [Fact]
    public void Scopes_come_from_the_matching_token_only()
    {
        var tokens = new ApiTokens();
        tokens.Add("reader-token", TokenScope.Read);
        tokens.Add("admin-token", TokenScope.Admin);
        tokens.Add("", TokenScope.Admin);

        tokens.Count.ShouldBe(2);
        tokens.ScopeOf("reader-token").ShouldBe(TokenScope.Read);
        tokens.ScopeOf("admin-token").ShouldBe(TokenScope.Admin);
        tokens.ScopeOf("admin-toke").ShouldBe(TokenScope.None);
        tokens.ScopeOf("").ShouldBe(TokenScope.None);
        tokens.ScopeOf(null).ShouldBe(TokenScope.None);
    }

    [Fact]
    public void A_bad_line_in_the_tokens_file_names_file_and_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# tokens", "read abc", "root xyz"]);
            var tokens = new ApiTokens();
            var error = Should.Throw<InputException>(() => tokens.AddFile(path));
            error.Message.ShouldContain($"{path}:3:1");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0.0, 27)]
    [InlineData(0.5, 30)]
    [InlineData(1.0, 33)]
    public void Jitter_stays_within_ten_percent(double unit, int seconds) =>
        Scheduler.Jittered(TimeSpan.FromSeconds(30), unit).ShouldBe(TimeSpan.FromSeconds(seconds));
}
