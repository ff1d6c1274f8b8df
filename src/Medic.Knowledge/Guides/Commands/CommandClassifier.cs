namespace Medic.Knowledge.Guides.Commands;

/// <summary>Maps a diagnostic step to a probe and marks what mutates, word by word (see <see cref="ShellWords"/>).</summary>
public static partial class CommandClassifier
{
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "sudo", "time", "nice", "nohup", "env" };

    public static CommandClass Classify(DiagnosticStep step) => step.Language switch
    {
        "sql" => Sql(step.Command, null),
        "shell" => Shell(step.Command),
        _ => CommandClass.Unknown("snippet"),
    };

    private static CommandClass Shell(string line)
    {
        var commands = ShellWords.Commands(line.Split('\n')[0]).Select(Unwrap).Where(c => c.Count > 0).ToList();
        CommandClass? found = null;
        string? mutating = null;
        for (var i = 0; i < commands.Count; i++)
        {
            var words = commands[i];
            var rest = commands.Skip(i + 1).ToList();
            var before = i > 0 ? commands[i - 1] : null;
            var result = One(words, rest, before);
            mutating ??= result.MutatingReason;
            if (found is null && result.Family is not ("other" or "filter"))
            {
                found = result;
            }
        }

        found ??= CommandClass.Unknown();
        return mutating is null ? found : found with { Mutating = true, MutatingReason = mutating };
    }

    private static List<ShellWord> Unwrap(IReadOnlyList<ShellWord> command)
    {
        var words = command.ToList();
        while (words.Count > 0 && (Wrappers.Contains(words[0].Text) || IsAssignment(words[0].Text)))
        {
            words.RemoveAt(0);
        }

        // docker compose exec [-T] service CMD…, docker-compose exec, kubectl exec POD -- CMD…
        var text = words.Select(w => w.Text).ToList();
        var exec = text.IndexOf("exec");
        if (exec is 1 or 2 && text[0] is "docker" or "docker-compose" or "kubectl")
        {
            var dash = text.IndexOf("--");
            var skip = dash > exec ? dash + 1 : SkipOptions(text, exec + 1) + 1;
            return skip < words.Count ? Unwrap(words.Skip(skip).ToList()) : words;
        }

        if (words.Count > 0 && words[0].Text == "watch")
        {
            var at = SkipOptions(text, 1);
            return at < words.Count ? ShellWords.Commands(words[at].Text).FirstOrDefault()?.ToList() ?? [] : [];
        }

        return words;
    }

    private static int SkipOptions(List<string> words, int from)
    {
        var i = from;
        while (i < words.Count && words[i].StartsWith('-'))
        {
            i += words[i] is "-n" or "-u" or "-w" or "-e" ? 2 : 1;
        }

        return i;
    }

    private static bool IsAssignment(string word) =>
        word.Contains('=', StringComparison.Ordinal) && !word.StartsWith('-') && char.IsLetter(word[0]) && word[..word.IndexOf('=', StringComparison.Ordinal)].All(c => char.IsLetterOrDigit(c) || c == '_');

    private static Dictionary<string, object> Args(params (string Key, object? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

    private static CommandClass Probe(string family, string probe, string kind, Dictionary<string, object> args, string? jsonPath = null) =>
        new(family, probe, kind, args, false, null, jsonPath);

    private static CommandClass Mutates(string family, string reason) => new(family, null, null, new Dictionary<string, object>(), true, reason);
}
