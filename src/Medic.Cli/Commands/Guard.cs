using Medic.Core.Model;

namespace Medic.Cli.Commands;

/// <summary>Maps every way a command can end to an exit code and a message: never a stack trace.</summary>
internal static class Guard
{
    public static async Task<int> RunAsync(CliContext cli, Func<CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            foreach (var error in e.Errors)
            {
                await cli.Stderr.WriteLineAsync($"{error.Position}: error: {error.Message}").ConfigureAwait(false);
            }

            await cli.Stderr.WriteLineAsync($"medic: {e.Errors.Count} error(s); nothing was run").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await cli.Stderr.WriteLineAsync("medic: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await cli.Stderr.WriteLineAsync($"medic: internal error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("MEDIC_DEBUG") is not null)
            {
                await cli.Stderr.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.MedicFailed;
        }
    }
}
