using System.Text;
using Medic.Probes.Nginx;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxLexerTests
{
    private static List<NginxStatement> Lex(string text)
    {
        var lexer = new NginxLexer("/etc/nginx/nginx.conf", Encoding.UTF8.GetBytes(text));
        var statements = new List<NginxStatement>();
        while (statements.LastOrDefault()?.Terminator != NginxTerminator.EndOfFile)
        {
            statements.Add(lexer.Next());
        }

        return statements;
    }

    private static string[] Words(string text) => [.. Lex(text)[0].Words.Select(w => w.Value)];

    [Fact]
    public void Splits_directives_blocks_and_block_ends()
    {
        var s = Lex("http {\n  server_name a b;\n}\n");

        s.Select(x => x.Terminator).ShouldBe(
            [NginxTerminator.BlockStart, NginxTerminator.Semicolon, NginxTerminator.BlockEnd, NginxTerminator.EndOfFile]);
        s[1].Words.Select(w => w.Value).ShouldBe(["server_name", "a", "b"]);
    }

    [Fact]
    public void Records_line_and_column_of_every_word()
    {
        var s = Lex("events {}\n\n  proxy_pass   http://x;");

        s[2].Words[0].Position.ShouldBe(new NginxPosition("/etc/nginx/nginx.conf", 3, 3));
        s[2].Words[1].Position.ShouldBe(new NginxPosition("/etc/nginx/nginx.conf", 3, 16));
        s[2].At.Column.ShouldBe(24);
    }

    [Fact]
    public void Double_quoted_strings_keep_spaces_and_semicolons_and_unescape_quotes()
    {
        Words("add_header X \"a; b {c} \\\"d\\\"\";").ShouldBe(["add_header", "X", "a; b {c} \"d\""]);
    }

    [Fact]
    public void Single_quoted_strings_unescape_single_quotes()
    {
        Words(@"return 200 'it\'s';").ShouldBe(["return", "200", "it's"]);
    }

    [Fact]
    public void Backslash_t_r_n_become_control_characters_and_other_escapes_stay()
    {
        Words(@"log_format x ""a\tb\nc\d"";").ShouldBe(["log_format", "x", "a\tb\nc\\d"]);
    }

    [Fact]
    public void A_backslash_outside_quotes_keeps_a_semicolon_in_the_word()
    {
        Words(@"rewrite ^/a\;b /c;").ShouldBe(["rewrite", @"^/a\;b", "/c"]);
    }

    [Fact]
    public void Braces_after_a_dollar_are_a_variable_not_a_block()
    {
        Words("set $x ${host}_a;").ShouldBe(["set", "$x", "${host}_a"]);
    }

    [Fact]
    public void A_hash_starts_a_comment_only_where_a_word_could_start()
    {
        var s = Lex("# top\nlisten 80#notcomment; # trailing ; {\nserver_name a;");

        s[0].Words.Select(w => w.Value).ShouldBe(["listen", "80#notcomment"]);
        s[1].Words.Select(w => w.Value).ShouldBe(["server_name", "a"]);
        s[1].Words[0].Position.Line.ShouldBe(3);
    }

    [Fact]
    public void Comments_may_stand_between_arguments()
    {
        Words("proxy_set_header # the header\n  Upgrade $http_upgrade;").ShouldBe(["proxy_set_header", "Upgrade", "$http_upgrade"]);
    }

    [Fact]
    public void Quoted_words_know_they_were_quoted_and_may_be_empty()
    {
        var words = Lex("map_hash '' \"x\" y;")[0].Words;

        words.Select(w => (w.Value, w.Quoted)).ShouldBe([("map_hash", false), ("", true), ("x", true), ("y", false)]);
    }

    [Fact]
    public void Carriage_returns_are_whitespace()
    {
        Words("listen 80;\r\n").ShouldBe(["listen", "80"]);
    }

    [Fact]
    public void A_closing_quote_must_be_followed_by_whitespace_or_a_terminator()
    {
        var e = Should.Throw<NginxSyntaxException>(() => Lex("events {}\nproxy_set_header \"a\"b c;"));

        e.Error.ShouldBe(new NginxSyntaxError("/etc/nginx/nginx.conf", 2, 21, "unexpected \"b\""));
    }

    [Fact]
    public void A_missing_semicolon_at_the_end_of_the_file_is_reported_on_the_last_line()
    {
        var e = Should.Throw<NginxSyntaxException>(() => Lex("events {}\nworker_processes 1\n"));

        e.Error.Line.ShouldBe(3);
        e.Error.Message.ShouldBe("unexpected end of file, expecting \";\" or \"}\"");
    }

    [Fact]
    public void A_semicolon_without_a_directive_is_unexpected()
    {
        Should.Throw<NginxSyntaxException>(() => Lex("listen 80;;")).Error.Message.ShouldBe("unexpected \";\"");
    }

    [Fact]
    public void A_closing_brace_after_arguments_is_unexpected()
    {
        var e = Should.Throw<NginxSyntaxException>(() => Lex("server { listen 80 }"));

        e.Error.Message.ShouldBe("unexpected \"}\"");
        e.Error.Column.ShouldBe(20);
    }

    [Fact]
    public void An_unterminated_quote_longer_than_nginx_buffer_is_named()
    {
        var e = Should.Throw<NginxSyntaxException>(() => Lex("return 200 \"" + new string('x', 5000) + "\n;\n"));

        e.Error.Message.ShouldBe("too long parameter, probably missing terminating \"\"\" character");
        e.Error.Column.ShouldBe(12);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var s = Lex("set $é \"ü\" x;");

        s[0].Words[3].Position.Column.ShouldBe(12);
    }
}
