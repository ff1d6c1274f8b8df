using System.Globalization;
using Medic.Core.Probing;
using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>
/// The one connection a postgres probe opens per run: unpooled, named <c>medic</c>, every transaction READ ONLY,
/// statements bounded by a server-side statement timeout that ends before the probe's own timeout does.
/// </summary>
internal sealed class PostgresSession : IAsyncDisposable
{
    public const string ApplicationName = "medic";

    private readonly NpgsqlDataSource _source;

    private PostgresSession(NpgsqlDataSource source, NpgsqlConnection connection, PostgresTarget target, TimeSpan statementTimeout, double connectMs)
    {
        _source = source;
        Connection = connection;
        Target = target;
        StatementTimeout = statementTimeout;
        ConnectMs = connectMs;
    }

    public NpgsqlConnection Connection { get; }

    public PostgresTarget Target { get; }

    public TimeSpan StatementTimeout { get; }

    /// <summary>How long connecting and authenticating took.</summary>
    public double ConnectMs { get; }

    /// <summary>Reads the component's connection string and applies Medic's limits. Throws <see cref="ArgumentException"/> when it is malformed.</summary>
    public static NpgsqlConnectionStringBuilder Settings(ProbeContext context)
    {
        var text = context.Component.GetString("connection");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("the component has no 'connection' setting");
        }

        var seconds = (int)Math.Clamp(Math.Ceiling(context.Timeout.TotalSeconds), 1, 3600);
        var builder = new NpgsqlConnectionStringBuilder(text)
        {
            Pooling = false,
            Multiplexing = false,
            ApplicationName = ApplicationName,
        };
        builder.Timeout = builder.Timeout > 0 ? Math.Min(builder.Timeout, seconds) : seconds;
        builder.CommandTimeout = builder.CommandTimeout > 0 ? Math.Min(builder.CommandTimeout, seconds) : seconds;
        return builder;
    }

    /// <summary>The server-side limit: the component's <c>statement_timeout</c>, at most 80% of the probe timeout.</summary>
    public static TimeSpan StatementTimeoutFor(ProbeContext context)
    {
        var budget = TimeSpan.FromMilliseconds(Math.Max(100, context.Timeout.TotalMilliseconds * 0.8));
        var ms = PgJson.Long(context.Component.Settings["statement_timeout"]);
        return ms > 0 && TimeSpan.FromMilliseconds(ms) < budget
            ? TimeSpan.FromMilliseconds(ms)
            : budget;
    }

    public static async Task<PostgresSession> OpenAsync(ProbeContext context, NpgsqlConnectionStringBuilder settings, CancellationToken cancellationToken)
    {
        var statementTimeout = StatementTimeoutFor(context);
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        // Built-in types only: saves a catalog round trip per run, and unknown types read as text.
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        var source = builder.Build();
        var t0 = context.Time.GetTimestamp();
        var connection = await OpenConnectionAsync(source, cancellationToken).ConfigureAwait(false);
        var connectMs = Math.Round(context.Time.GetElapsedTime(t0).TotalMilliseconds, 1);
        try
        {
            // SET rather than startup options, so pg_settings.reset_val still shows what the application gets.
            var ms = (long)statementTimeout.TotalMilliseconds;
            var setup = string.Create(CultureInfo.InvariantCulture, $"""
                SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;
                SET statement_timeout = {ms};
                SET lock_timeout = {Math.Max(50, ms / 2)};
                SET idle_in_transaction_session_timeout = {Math.Max(1000, ms * 2)}
                """);
            await using (var command = new NpgsqlCommand(setup, connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new PostgresSession(source, connection, PostgresTarget.From(settings), statementTimeout, connectMs);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<NpgsqlConnection> OpenConnectionAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var opening = source.OpenConnectionAsync(cancellationToken).AsTask();
        try
        {
            // Npgsql does not watch the token while it waits for the server's first answer: stop waiting here,
            // and close whatever the abandoned attempt yields once its own timeout ends it.
            return await opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!opening.IsCompleted)
        {
            _ = opening.ContinueWith(
                static (t, state) =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Dispose();
                    }

                    _ = t.Exception;
                    ((NpgsqlDataSource)state!).Dispose();
                },
                source,
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            throw;
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public NpgsqlCommand Command(string sql) => new(sql, Connection);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
    }
}
