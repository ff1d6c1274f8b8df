using System.Text.RegularExpressions;
using Medic.Probes.Nginx;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nginx.NginxProcess;

namespace Medic.Probes.Tests.Nginx;

/// <summary>
/// Medic's reader against the real nginx: configurations nginx accepts read without error, and for each broken one
/// Medic stops in the same file at the same line nginx names (<c>nginx -t</c>: "... in FILE:LINE").
/// </summary>
public sealed partial class NginxAgreementTests
{
    private const string Head = $"{MainInclude}\nevents {{ worker_connections 64; }}\nhttp {{\n{HttpInclude}\n";

    private static readonly Dictionary<string, Dictionary<string, string>> Broken = new()
    {
        ["missing semicolon at the end"] = OnlyMain(Head + "server { listen 127.0.0.1:1; }\n}\nworker_rlimit_nofile 100\n"),
        ["unclosed block"] = OnlyMain(Head + "server {\n  listen 127.0.0.1:1;\n  location / {\n}\n"),
        ["stray closing brace"] = OnlyMain(Head + "server { listen 127.0.0.1:1; }\n}\n}\n"),
        ["proxy_pass in a server"] = OnlyMain(Head + "server {\n  listen 127.0.0.1:1;\n  proxy_pass http://127.0.0.1:2;\n}\n}\n"),
        ["proxy_set_header inside if"] = OnlyMain(Head + "server { listen 127.0.0.1:1;\n location / {\n  if ($http_x) {\n   proxy_set_header A b;\n  }\n }\n}\n}\n"),
        ["duplicate body size"] = OnlyMain(Head + "client_max_body_size 10m;\nclient_max_body_size 1m;\n}\n"),
        ["bad duration"] = OnlyMain(Head + "server { listen 127.0.0.1:1;\n  location /ws { proxy_read_timeout 60sec; }\n}\n}\n"),
        ["duration in two words"] = OnlyMain(Head + "proxy_read_timeout 1h 30m;\n}\n"),
        ["bad size"] = OnlyMain(Head + "server { listen 127.0.0.1:1;\n  client_max_body_size 500MB;\n}\n}\n"),
        ["bad flag"] = OnlyMain(Head + "proxy_buffering yes;\n}\n"),
        ["bad http version"] = OnlyMain(Head + "proxy_http_version 2;\n}\n"),
        ["missing include"] = OnlyMain(Head + "include sites-enabled/app.conf;\n}\n"),
        ["error inside a globbed include"] = new()
        {
            ["nginx.conf"] = Head + "include conf.d/*.conf;\n}\n",
            ["conf.d/a.conf"] = "server { listen 127.0.0.1:1; }\n",
            ["conf.d/b.conf"] = "server {\n  listen 127.0.0.1:2;\n  location / {\n    proxy_pass http://127.0.0.1:3\n  }\n}\n",
        },
        ["block closed in an included file"] = new()
        {
            ["nginx.conf"] = Head + "server { listen 127.0.0.1:1;\ninclude half.conf;\n}\n",
            ["half.conf"] = "location / {\n}\n}\n",
        },
        ["text after a quote"] = OnlyMain(Head + "server { listen 127.0.0.1:1;\n  add_header X-A \"a\"b;\n}\n}\n"),
        ["server without a brace"] = OnlyMain(Head + "server;\n}\n"),
        ["brace after proxy_pass"] = OnlyMain(Head + "server { listen 127.0.0.1:1; location / {\n proxy_pass http://127.0.0.1:2 {\n }\n}\n}\n}\n"),
        ["location without a path"] = OnlyMain(Head + "server { listen 127.0.0.1:1;\n location {\n }\n}\n}\n"),
        ["two events blocks"] = OnlyMain(Head + "}\nevents {}\n"),
        ["byte order mark"] = OnlyMain("\uFEFF" + Head + "}\n"),
        ["invalid value on a later line"] = OnlyMain(Head + "proxy_connect_timeout\n  1y\n  ;\n}\n"),
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Valid = new()
    {
        ["websocket proxy with map, upstream and includes"] = new()
        {
            ["nginx.conf"] = Head + """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }
                upstream backend {
                    server 127.0.0.1:8000 weight=2 max_fails=3 fail_timeout=10s;
                    server 127.0.0.1:8001 backup;
                }
                include conf.d/*.conf;
                }
                """,
            ["conf.d/app.conf"] = """
                server {
                    listen 127.0.0.1:8080;
                    server_name app.example.test "quoted.example.test";
                    client_max_body_size 500m;
                    location /ws/ {
                        proxy_pass http://backend;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout "1h 30m";
                    }
                    location ~* \.(png|jpe?g)$ { expires 1d; }
                    location = /health { return 200 'ok\n'; }
                    location /api/ {
                        limit_except GET POST { deny all; }
                        if ($request_method = OPTIONS) { return 204; }
                        proxy_pass http://backend/api/;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        set $tag "a \"quoted\" value; with semicolon";
                        add_header X-Tag ${tag}_1 always; # trailing comment
                    }
                }
                """,
        },
        ["status page and types"] = OnlyMain(Head + """
            types { text/plain txt; application/json json; }
            server {
                listen 127.0.0.1:8081;
                location = /nginx_status { stub_status; allow 127.0.0.1; deny all; }
                location / { root html; try_files $uri $uri/ =404; }
            }
            }
            """),
    };

    public static TheoryData<string> BrokenCases => [.. Broken.Keys];

    public static TheoryData<string> ValidCases => [.. Valid.Keys];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public async Task Medic_stops_at_the_file_and_line_nginx_names(string name)
    {
        using var files = Write(Broken[name]);

        var (ok, output) = await TestAsync(files.Folder, files.Main, Ct);
        var error = files.Read().Error;

        ok.ShouldBeFalse(output);
        var nginx = NginxError().Match(output);
        nginx.Success.ShouldBeTrue(output);
        error.ShouldNotBeNull($"nginx says: {output}");
        (error.File, error.Line).ShouldBe((nginx.Groups["file"].Value, int.Parse(nginx.Groups["line"].Value)), output);
        error.Message.ShouldStartWith(nginx.Groups["message"].Value, Case.Sensitive, output);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task What_nginx_accepts_reads_without_error(string name)
    {
        using var files = Write(Valid[name]);

        var (ok, output) = await TestAsync(files.Folder, files.Main, Ct);
        var config = files.Read();

        ok.ShouldBeTrue(output);
        config.Error.ShouldBeNull();
        config.Files.Count.ShouldBe(Valid[name].Count + 2);
    }

    [Fact]
    public async Task The_websocket_fixture_reads_with_its_effective_settings()
    {
        using var files = Write(Valid["websocket proxy with map, upstream and includes"]);
        (await TestAsync(files.Folder, files.Main, Ct)).Ok.ShouldBeTrue();

        var report = NginxConfigReport.Build(files.Read());

        var ws = report["locations"]!.AsArray().Single(l => (string?)l!["path"] == "/ws/")!;
        ((bool)ws["upgrade_headers"]!["ok"]!).ShouldBeTrue();
        ((long)ws["proxy_read_timeout_ms"]!).ShouldBe(5_400_000);
        ((long)ws["client_max_body_size_bytes"]!).ShouldBe(500L * 1024 * 1024);
        ((string?)ws["upstream"]).ShouldBe("backend");
        ((string?)ws["server"]).ShouldBe("app.example.test");
    }

    private static Dictionary<string, string> OnlyMain(string text) => new() { ["nginx.conf"] = text };

    private static NginxFiles Write(Dictionary<string, string> files)
    {
        var written = new NginxFiles();
        WritePrelude(written.Folder);
        foreach (var (name, text) in files)
        {
            written.With(name, text);
        }

        return written;
    }

    [GeneratedRegex(@"\[(emerg|alert|crit)\] (?<message>.*) in (?<file>/\S+):(?<line>\d+)")]
    private static partial Regex NginxError();
}
