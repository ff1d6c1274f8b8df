using System.Text.RegularExpressions;
using Medic.Core.Probing;
using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>What every postgres probe shares: open the session, observe, close, and turn failures into data.</summary>
internal static partial class PostgresProbe
{
    public static readonly IReadOnlyList<string> Kinds = ["postgres"];

    public static async Task<ProbeResult> RunAsync(
        ProbeContext context,
        Func<PostgresSession, CancellationToken, Task<ProbeResult>> observe,
        CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder? settings = null;
        PostgresTarget? target = null;
        try
        {
            settings = PostgresSession.Settings(context);
            target = PostgresTarget.From(settings);
            context.ReportTarget(target.Endpoint, target.ToJson());
            await using var session = await PostgresSession.OpenAsync(context, settings, cancellationToken).ConfigureAwait(false);
            return await observe(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresErrors.IsTargetFailure(e, cancellationToken))
        {
            return PostgresErrors.ToResult(e, target, settings?.Password ?? RawPassword(context.Component.GetString("connection")));
        }
    }

    /// <summary>The password of a connection string Npgsql could not parse, so it can still be masked.</summary>
    private static string? RawPassword(string? connection) =>
        connection is not null && PasswordPair().Match(connection) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*([^;]*)")]
    private static partial Regex PasswordPair();
}
