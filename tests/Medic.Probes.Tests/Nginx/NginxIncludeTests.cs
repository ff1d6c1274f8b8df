using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxIncludeTests
{
    [Fact]
    public void Included_directives_take_the_include_place_and_keep_their_own_file_and_line()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp {\n    include proxy.conf;\n    server { listen 8080; }\n}\n")
            .With("proxy.conf", "# shared\nproxy_read_timeout 5s;\n");

        var config = files.Read();

        config.Error.ShouldBeNull();
        var http = config.Children("http").Single().Block!;
        http.Select(d => d.Name).ShouldBe(["proxy_read_timeout", "server"]);
        http[0].Position.File.ShouldBe(files.PathOf("proxy.conf"));
        http[0].Position.Line.ShouldBe(2);
        config.Files.ShouldBe([files.Main, files.PathOf("proxy.conf")]);
    }

    [Fact]
    public void Globs_include_matching_files_in_byte_order_and_skip_hidden_ones()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp { include conf.d/*.conf; }\n")
            .With("conf.d/b.conf", "server { server_name b; }\n")
            .With("conf.d/a.conf", "server { server_name a; }\n")
            .With("conf.d/B.conf", "server { server_name B; }\n")
            .With("conf.d/.hidden.conf", "server { server_name hidden; }\n")
            .With("conf.d/c.conf.disabled", "server { server_name c; }\n");

        var names = files.Read().Children("http").Single().Children("server").Select(s => s.Children("server_name").Single().Arg(0));

        names.ShouldBe(["B", "a", "b"]);
    }

    [Fact]
    public void Globs_match_question_marks_and_bracket_sets_in_folder_names_too()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp { include sites-[ae]*/site?.conf; }\n")
            .With("sites-enabled/site1.conf", "server { server_name one; }\n")
            .With("sites-available/site2.conf", "server { server_name two; }\n")
            .With("sites-other/site3.conf", "server { server_name three; }\n")
            .With("sites-enabled/site10.conf", "server { server_name ten; }\n");

        files.Read().Children("http").Single().Children("server").Select(s => s.Children("server_name").Single().Arg(0))
            .ShouldBe(["two", "one"]);
    }

    [Fact]
    public void A_glob_without_matches_is_no_error()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { include nothing/*.conf; }\n");

        files.Read().Error.ShouldBeNull();
    }

    [Fact]
    public void Relative_includes_in_included_files_resolve_against_the_main_file_folder()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp { include sites/app.conf; }\n")
            .With("sites/app.conf", "server { include snippets/ws.conf; }\n")
            .With("snippets/ws.conf", "location /ws { proxy_pass http://127.0.0.1:9; }\n");

        var config = files.Read();

        config.Error.ShouldBeNull();
        config.Files.ShouldContain(files.PathOf("snippets/ws.conf"));
    }

    [Fact]
    public void Absolute_includes_are_read_where_they_point()
    {
        using var other = new NginxFiles().With("abs.conf", "proxy_connect_timeout 3s;\n");
        using var files = new NginxFiles().With("nginx.conf", $"events {{}}\nhttp {{ include {other.PathOf("abs.conf")}; }}\n");

        files.Read().Children("http").Single().Block!.Single().Name.ShouldBe("proxy_connect_timeout");
    }

    [Fact]
    public void A_missing_include_is_the_error_nginx_reports_at_the_include()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp {\n  include missing.conf;\n}\n");

        var error = files.Read().Error.ShouldNotBeNull();

        error.File.ShouldBe(files.Main);
        error.Line.ShouldBe(3);
        error.Column.ShouldBe(11);
        error.Message.ShouldBe($"open() \"{files.PathOf("missing.conf")}\" failed (2: No such file or directory)");
    }

    [Fact]
    public void A_file_including_itself_is_a_cycle_named_at_the_include()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp { include a.conf; }\n")
            .With("a.conf", "proxy_buffering on;\ninclude b.conf;\n")
            .With("b.conf", "\n\ninclude a.conf;\n");

        var error = files.Read().Error.ShouldNotBeNull();

        error.File.ShouldBe(files.PathOf("b.conf"));
        error.Line.ShouldBe(3);
        error.Message.ShouldStartWith("include cycle:");
        error.Message.ShouldContain("a.conf -> ");
    }

    [Fact]
    public void The_same_snippet_included_twice_side_by_side_is_no_cycle()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp { server { location /a { include p.conf; } location /b { include p.conf; } } }\n")
            .With("p.conf", "proxy_pass http://127.0.0.1:9;\n");

        var config = files.Read();

        config.Error.ShouldBeNull();
        config.Files.Count.ShouldBe(2);
    }

    [Fact]
    public void A_block_may_not_close_in_an_included_file()
    {
        using var files = new NginxFiles()
            .With("nginx.conf", "events {}\nhttp { include open.conf;\n")
            .With("open.conf", "server {\n}\n}\n");

        var error = files.Read().Error.ShouldNotBeNull();

        (error.File, error.Line, error.Message).ShouldBe((files.PathOf("open.conf"), 3, "unexpected \"}\""));
    }

    [Fact]
    public void An_include_naming_a_folder_fails_as_nginx_does()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { include conf.d; }\n").With("conf.d/x.conf", "");

        files.Read().Error.ShouldNotBeNull().Message.ShouldContain("(21: Is a directory)");
    }

    [Fact]
    public void Includes_nested_too_deep_stop_with_an_error()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\ninclude d0.conf;\n");
        for (var i = 0; i < 40; i++)
        {
            files.With($"d{i}.conf", $"include d{i + 1}.conf;\n");
        }

        files.With("d40.conf", "");

        files.Read().Error.ShouldNotBeNull().Message.ShouldContain("nested more than 32 deep");
    }
}
