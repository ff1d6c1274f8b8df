using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

/// <summary>Errors nginx stops at, with the message nginx prints and the position Medic adds the column to.</summary>
public sealed class NginxSyntaxErrorTests
{
    private static (int Line, int Column, string Message) ErrorOf(string text)
    {
        using var files = new NginxFiles().With("nginx.conf", text);
        var error = files.Read().Error.ShouldNotBeNull();
        error.File.ShouldBe(files.Main);
        return (error.Line, error.Column, error.Message);
    }

    [Fact]
    public void An_unclosed_block_is_reported_at_the_end_of_the_file()
    {
        ErrorOf("events {}\nhttp {\n  server {\n  }\n").ShouldBe((5, 1, "unexpected end of file, expecting \"}\""));
    }

    [Fact]
    public void A_stray_closing_brace_is_reported_where_it_stands()
    {
        ErrorOf("events {}\nhttp {\n}\n}\n").ShouldBe((4, 1, "unexpected \"}\""));
    }

    [Fact]
    public void A_directive_in_the_wrong_block_is_not_allowed_there()
    {
        ErrorOf("events {}\nhttp {\n  server { listen 80; proxy_pass http://127.0.0.1:1; }\n}\n")
            .ShouldBe((3, 23, "\"proxy_pass\" directive is not allowed here"));
    }

    [Fact]
    public void Proxy_headers_are_not_allowed_inside_if()
    {
        ErrorOf("events {}\nhttp { server { location / {\n if ($x) { proxy_set_header A b; }\n} } }\n").Message
            .ShouldBe("\"proxy_set_header\" directive is not allowed here");
    }

    [Fact]
    public void Proxy_pass_is_allowed_inside_if_in_a_location()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { server { location / { if ($x) { proxy_pass http://127.0.0.1:1; } } } }\n");

        files.Read().Error.ShouldBeNull();
    }

    [Fact]
    public void A_block_directive_without_a_brace_has_no_opening()
    {
        ErrorOf("events {}\nhttp {\n server;\n}\n").ShouldBe((3, 2, "directive \"server\" has no opening \"{\""));
    }

    [Fact]
    public void A_simple_directive_followed_by_a_brace_is_not_terminated()
    {
        ErrorOf("events {}\nhttp { server { location / { proxy_pass http://127.0.0.1:1 {\n} } } }\n").Message
            .ShouldBe("directive \"proxy_pass\" is not terminated by \";\"");
    }

    [Fact]
    public void Argument_counts_are_checked()
    {
        ErrorOf("events {}\nhttp { proxy_read_timeout 1h 30m; }\n").ShouldBe((2, 8, "invalid number of arguments in \"proxy_read_timeout\" directive"));
    }

    [Fact]
    public void A_duplicate_setting_in_one_block_is_reported_at_the_second()
    {
        ErrorOf("events {}\nhttp {\n client_max_body_size 10m;\n client_max_body_size 1m;\n}\n")
            .ShouldBe((4, 2, "\"client_max_body_size\" directive is duplicate"));
    }

    [Fact]
    public void A_setting_inherited_and_set_again_in_an_inner_block_is_no_duplicate()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { client_max_body_size 10m; server { client_max_body_size 1m; } }\n");

        files.Read().Error.ShouldBeNull();
    }

    [Theory]
    [InlineData("proxy_read_timeout 5x;", "\"proxy_read_timeout\" directive invalid value")]
    [InlineData("proxy_connect_timeout 1M;", "\"proxy_connect_timeout\" directive invalid value")]
    [InlineData("client_max_body_size 1.5m;", "\"client_max_body_size\" directive invalid value")]
    [InlineData("client_max_body_size 1t;", "\"client_max_body_size\" directive invalid value")]
    [InlineData("proxy_buffering yes;", "invalid value \"yes\" in \"proxy_buffering\" directive, it must be \"on\" or \"off\"")]
    [InlineData("proxy_http_version 2.0;", "invalid value \"2.0\"")]
    public void Values_nginx_refuses_are_refused_at_the_value(string directive, string message)
    {
        var (line, column, text) = ErrorOf($"events {{}}\nhttp {{\n  {directive}\n}}\n");

        (line, text).ShouldBe((3, message));
        column.ShouldBe(directive.IndexOf(' ', StringComparison.Ordinal) + 4);
    }

    [Fact]
    public void A_multi_line_directive_is_reported_on_the_line_of_its_semicolon()
    {
        ErrorOf("events {}\nhttp {\n proxy_read_timeout\n   5x\n ;\n}\n").ShouldBe((5, 2, "\"proxy_read_timeout\" directive invalid value"));
    }

    [Fact]
    public void Server_in_an_upstream_is_an_address_not_a_block()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { upstream app { server 127.0.0.1:1 weight=2; } }\n");

        files.Read().Error.ShouldBeNull();
    }

    [Fact]
    public void Directives_Medic_does_not_know_are_accepted_anywhere()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { lua_shared_dict x 1m; server { content_thing { anything goes; } } }\n");

        files.Read().Error.ShouldBeNull();
    }

    [Fact]
    public void Map_and_types_blocks_are_read_without_checking_their_entries()
    {
        using var files = new NginxFiles().With("nginx.conf",
            "events {}\nhttp {\n map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n types { text/html html htm; }\n}\n");

        var http = files.Read().Children("http").Single();

        http.Children("map").Single().Block!.Select(e => e.Words[^1].Value).ShouldBe(["upgrade", "close"]);
    }

    [Fact]
    public void A_byte_order_mark_is_an_unknown_directive_as_in_nginx()
    {
        ErrorOf("\uFEFFevents {}\nhttp {}\n").Message.ShouldStartWith("unknown directive \"\uFEFFevents\"");
    }

    [Fact]
    public void Everything_read_before_the_error_is_kept()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nworker_processes 2;\nhttp {\n");

        var config = files.Read();

        config.Error.ShouldNotBeNull();
        config.Directives.Select(d => d.Name).ShouldBe(["events", "worker_processes"]);
    }
}
