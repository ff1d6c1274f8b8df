using Medic.Probes.Os;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class SecretTextTests
{
    [Theory]
    [InlineData("app --password=hunter2 --port=8080", "app --password=*** --port=8080")]
    [InlineData("app --token abc --verbose", "app --token *** --verbose")]
    [InlineData("psql -h db -p 5432", "psql -h db -p ***")]
    [InlineData("mysql -uroot -phunter2", "mysql -uroot -p***")]
    [InlineData("harmonylite -pprof 127.0.0.1:6060 -config /etc/h.toml", "harmonylite -pprof 127.0.0.1:6060 -config /etc/h.toml")]
    [InlineData("env API_KEY=abc DB_PASSWORD=x LOG_LEVEL=info", "env API_KEY=*** DB_PASSWORD=*** LOG_LEVEL=info")]
    [InlineData("worker redis://:pw@127.0.0.1:6379/0", "worker redis://:***@127.0.0.1:6379/0")]
    [InlineData("api Host=db;Username=app;Password=pw;Database=x", "api Host=db;Username=app;Password=***;Database=x")]
    [InlineData("api -jwt-secret s3 -node-id 1", "api -jwt-secret *** -node-id 1")]
    public void Masks_secret_values_in_command_lines(string command, string expected)
    {
        string.Join(' ', SecretText.MaskArguments(command.Split(' '))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("auth failed for user app: password=\"p w\" rejected", "auth failed for user app: password=*** rejected")]
    [InlineData("GET /api Authorization: Bearer eyJhbGciOi.x.y", "GET /api Authorization: Bearer ***")]
    [InlineData("connected to postgres://app:pw@db:5432/app", "connected to postgres://app:***@db:5432/app")]
    [InlineData("listening on 127.0.0.1:3001 node_id=2", "listening on 127.0.0.1:3001 node_id=2")]
    [InlineData("callback jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln done", "callback jwt=*** done")]
    [InlineData("login password=<*> from <*>", "login password=<*> from <*>")]
    [InlineData("GET /v1?api_key=<*>&page=<*> Authorization: Bearer <*>", "GET /v1?api_key=<*>&page=<*> Authorization: Bearer <*>")]
    [InlineData("connected to postgres://app:<*>@db:5432/app", "connected to postgres://app:<*>@db:5432/app")]
    [InlineData("login password=<*>hunter2 from <*>", "login password=*** from <*>")]
    public void Masks_secret_values_in_log_lines(string line, string expected)
    {
        SecretText.MaskLine(line).ShouldBe(expected);
    }
}
