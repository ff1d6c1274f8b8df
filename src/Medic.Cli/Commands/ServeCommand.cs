using System.CommandLine;
using System.Data.Common;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Server;
using Medic.Server.Api;
using Medic.Server.Scheduling;
using Medic.Server.Store;
using Microsoft.AspNetCore.Builder;

namespace Medic.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var files = new Option<FileInfo[]>("--file", "-f") { Description = "System files to watch (repeatable): a file, a folder of *.yaml, or a quoted pattern 'dir/*.yaml'; changes reload without a restart", Required = true, AllowMultipleArgumentsPerToken = true };
        var urls = new Option<string>("--urls") { Description = "Where to listen (default http://127.0.0.1:8480)", DefaultValueFactory = _ => "http://127.0.0.1:8480" };
        var interval = CommonOptions.Duration("--interval", "Time between runs of each system (default 30s)");
        var store = new Option<string>("--store") { Description = "History: a SQLite file (default medic-history.db) or postgresql://user@host:port/database", DefaultValueFactory = _ => "medic-history.db" };
        var tokensFile = new Option<FileInfo?>("--tokens") { Description = "Tokens file: lines 'read TOKEN' or 'admin TOKEN' (MEDIC_API_TOKEN adds an admin token)" };
        var concurrency = new Option<int>("--concurrency") { Description = "Most runs in flight at once (default 8)", DefaultValueFactory = _ => 8 };
        var runbooks = CommonOptions.Runbooks();
        var budget = new Option<int>("--component-budget") { Description = "Most probes talking to one component at once, across systems (default 2)", DefaultValueFactory = _ => 2 };
        var alerts = new ServeAlertOptions();
        var retention = new ServeStoreOptions();
        var kb = KnowledgeOptions.Kb();
        var command = new Command("serve", "Diagnose systems continuously; serve history, a JSON API and health routes")
        {
            files, urls, interval, store, tokensFile, concurrency, runbooks, budget, kb, TestWebhookCommand.Create(cli),
        };
        foreach (var option in alerts.All.Concat(retention.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => Guard.RunAsync(cli, async token =>
        {
            var tokens = new ApiTokens();
            tokens.Add(Environment.GetEnvironmentVariable("MEDIC_API_TOKEN") ?? "", TokenScope.Admin);
            if (parse.GetValue(tokensFile) is { } tf)
            {
                try
                {
                    tokens.AddFile(tf.FullName);
                }
                catch (IOException e)
                {
                    throw new InputException(new SourcePosition(tf.FullName, 0, 0), e.Message);
                }
            }

            var budgets = new ComponentBudgets(Math.Max(1, parse.GetValue(budget)));
            var runner = new ServeSystemRunner(
                cli, parse.GetValue(files)!.Select(f => f.FullName), cli.Runtime.LoadRunbooks(parse.GetValue(runbooks) ?? []), new DiagnoseOptions(), budgets.Wrap(cli.Runtime.Probes));
            var options = new ServerOptions(parse.GetValue(urls)!, parse.GetValue(store)!, parse.GetValue(interval) ?? TimeSpan.FromSeconds(30), Math.Max(1, parse.GetValue(concurrency)), tokens)
            {
                Webhooks = parse.GetValue(alerts.Webhooks) ?? [],
                Alerts = alerts.Rules(parse),
                Retention = retention.Policy(parse),
                Search = ServeKnowledge.Open(cli, parse.GetValue(kb)),
            };
            var storeName = HistoryStores.Display(options.StorePath);
            WebApplication app;
            try
            {
                app = ServerApp.Build(options, runner, cli.Runtime.Time);
            }
            catch (Exception e) when (e is FormatException or DbException or ArgumentException)
            {
                await cli.Stderr.WriteLineAsync($"medic serve: cannot open the history store {storeName}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InputError;
            }

            await using var running = app;
            await cli.Stderr.WriteLineAsync($"medic serve: {runner.Systems.Count} system(s), listening on {options.Urls}, history in {storeName}").ConfigureAwait(false);
            await app.RunAsync(token).ConfigureAwait(false);
            return 0;
        }, ct));
        return command;
    }
}
