using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Medic.Cli.Commands;

/// <summary>Hidden: the demo's second process. Holds a RESERVED lock on a SQLite file and a listening port until stdin closes.</summary>
internal static class HoldLockCommand
{
    public const string Name = "__demo-holder";
    public const string Ready = "ready";

    public static Command Create(CliContext cli)
    {
        var db = new Option<string>("--db") { Required = true };
        var port = new Option<int>("--port") { Required = true };
        var command = new Command(Name, "internal: hold a lock and a port for the demo") { db, port };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new SqliteConnection($"Data Source={parse.GetValue(db)};Pooling=False");
            connection.Open();
            using (var begin = connection.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO jobs(name) VALUES ('nightly-import');";
                begin.ExecuteNonQuery();
            }

            var listener = new TcpListener(IPAddress.Loopback, parse.GetValue(port));
            listener.Start();
            await cli.Stdout.WriteLineAsync(Ready).ConfigureAwait(false);
            await cli.Stdout.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Console.In.ReadToEndAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            listener.Stop();
            return 0;
        });
        return command;
    }
}
