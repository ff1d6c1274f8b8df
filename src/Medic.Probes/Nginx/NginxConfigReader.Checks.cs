namespace Medic.Probes.Nginx;

internal sealed partial class NginxConfigReader
{
    /// <summary>nginx's checks in nginx's order: context, terminator, argument count, duplicates, then the value.</summary>
    private static void Check(NginxRule rule, NginxStatement statement, Block block)
    {
        var name = statement.Words[0];
        if ((rule.Allowed & block.Context) == 0)
        {
            throw Error(statement, name, $"\"{rule.Name}\" directive is not allowed here");
        }

        if (!rule.Block && statement.Terminator != NginxTerminator.Semicolon)
        {
            throw Error(statement, name, $"directive \"{rule.Name}\" is not terminated by \";\"");
        }

        if (rule.Block && statement.Terminator != NginxTerminator.BlockStart)
        {
            throw Error(statement, name, $"directive \"{rule.Name}\" has no opening \"{{\"");
        }

        var args = statement.Words.Count - 1;
        if (args < rule.MinArgs || args > rule.MaxArgs)
        {
            throw Error(statement, name, $"invalid number of arguments in \"{rule.Name}\" directive");
        }

        if (rule.Unique && !block.Seen.Add(rule.Name))
        {
            throw Error(statement, name, $"\"{rule.Name}\" directive is duplicate");
        }

        if (args == 1 && ValueProblem(rule, statement.Words[1].Value) is { } problem)
        {
            throw Error(statement, statement.Words[1], problem);
        }
    }

    private static string? ValueProblem(NginxRule rule, string value) => rule.Value switch
    {
        NginxValueKind.Duration when !NginxValues.TryParseDuration(value, out _) => $"\"{rule.Name}\" directive invalid value",
        NginxValueKind.Size when !NginxValues.TryParseSize(value, out _) => $"\"{rule.Name}\" directive invalid value",
        NginxValueKind.Flag when NginxValues.Flag(value) is null => $"invalid value \"{value}\" in \"{rule.Name}\" directive, it must be \"on\" or \"off\"",
        NginxValueKind.HttpVersion when value is not "1.0" and not "1.1" => $"invalid value \"{value}\"",
        _ => null,
    };
}
