namespace Medic.Probes.Nginx;

/// <summary>
/// Reads an nginx configuration the way nginx does: statement by statement, includes expanded where they stand
/// (relative paths against the main file's folder, which is nginx's conf prefix), stopping at the first error with
/// its file, line and column. Adds what nginx cannot: include cycles and runaway nesting stop with an error.
/// </summary>
internal sealed partial class NginxConfigReader
{
    public const int MaxIncludeDepth = 32;
    public const int MaxFiles = 1000;
    public const long MaxFileBytes = 8L * 1024 * 1024;
    public const long MaxTotalBytes = 32L * 1024 * 1024;

    private readonly string _prefix;
    private readonly CancellationToken _cancellationToken;
    private readonly List<string> _files = [];
    private readonly List<(string Canonical, string Path)> _reading = [];
    private long _totalBytes;

    private NginxConfigReader(string prefix, CancellationToken cancellationToken)
    {
        _prefix = prefix;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Reads <paramref name="mainFile"/> and what it includes. A syntax error is data (<see cref="NginxConfig.Error"/>);
    /// failing to read the main file itself throws the IO exception.
    /// </summary>
    public static NginxConfig Read(string mainFile, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(mainFile);
        var reader = new NginxConfigReader(Path.GetDirectoryName(path) ?? "/", cancellationToken);
        var root = new List<NginxDirective>();
        try
        {
            reader.ReadFile(path, new Block(NginxContext.Main, root), include: null);
            return new NginxConfig(path, reader._files, root, null);
        }
        catch (NginxSyntaxException e)
        {
            return new NginxConfig(path, reader._files, root, e.Error);
        }
    }

    private void ReadStatements(NginxLexer lexer, Block block, bool fileLevel)
    {
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var statement = lexer.Next();
            switch (statement.Terminator)
            {
                case NginxTerminator.EndOfFile when fileLevel:
                    return;
                case NginxTerminator.EndOfFile:
                    throw Error(statement.At, "unexpected end of file, expecting \"}\"");
                case NginxTerminator.BlockEnd when fileLevel:
                    // A block never spans files: a '}' closing a block opened in the including file is an error.
                    throw Error(statement.At, "unexpected \"}\"");
                case NginxTerminator.BlockEnd:
                    return;
                default:
                    ReadDirective(lexer, statement, block);
                    break;
            }
        }
    }

    private void ReadDirective(NginxLexer lexer, NginxStatement statement, Block block)
    {
        var name = statement.Words[0];
        if (name.Value.StartsWith('\uFEFF'))
        {
            throw Error(statement, name, $"unknown directive \"{name.Value}\" (the file starts with a UTF-8 byte order mark, which nginx does not skip)");
        }

        if (name.Value == "include")
        {
            Include(statement, block);
            return;
        }

        var rule = NginxRules.Find(name.Value, block.Context);
        if (rule is not null)
        {
            Check(rule, statement, block);
        }

        List<NginxDirective>? children = null;
        if (statement.Terminator == NginxTerminator.BlockStart)
        {
            children = [];
            ReadStatements(lexer, new Block(NginxRules.Inner(rule, block.Context), children), fileLevel: false);
        }

        block.Directives.Add(new NginxDirective(statement.Words, children, statement.At));
    }

    private static NginxSyntaxException Error(NginxPosition at, string message) => new(NginxSyntaxError.At(at, message));

    /// <summary>nginx names the line of the directive's terminator; the column points at <paramref name="word"/> when it is on that line.</summary>
    private static NginxSyntaxException Error(NginxStatement statement, NginxWord word, string message) =>
        Error(word.Position.Line == statement.At.Line ? word.Position : statement.At, message);

    /// <summary>The directives of one block being read, its context, and the once-only directives it already has.</summary>
    private sealed record Block(NginxContext Context, List<NginxDirective> Directives)
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }
}
