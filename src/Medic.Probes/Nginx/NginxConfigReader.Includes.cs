namespace Medic.Probes.Nginx;

internal sealed partial class NginxConfigReader
{
    private void Include(NginxStatement statement, Block block)
    {
        var name = statement.Words[0];
        if (statement.Terminator != NginxTerminator.Semicolon)
        {
            throw Error(statement, name, "directive \"include\" is not terminated by \";\"");
        }

        if (statement.Words.Count != 2)
        {
            throw Error(statement, name, "invalid number of arguments in \"include\" directive");
        }

        var argument = statement.Words[1];
        var pattern = Path.IsPathRooted(argument.Value) ? argument.Value : Path.Combine(_prefix, argument.Value);
        if (!NginxGlob.HasWildcards(argument.Value))
        {
            ReadFile(pattern, block, (statement, argument));
            return;
        }

        var matches = NginxGlob.Expand(pattern, MaxFiles);
        if (_files.Count + matches.Count > MaxFiles)
        {
            throw Error(statement, argument, $"\"{argument.Value}\" matches more files than Medic reads ({MaxFiles})");
        }

        foreach (var file in matches)
        {
            ReadFile(file, block, (statement, argument));
        }
    }

    /// <summary>Reads one file into <paramref name="block"/>; <paramref name="include"/> is the directive that includes it (null for the main file).</summary>
    private void ReadFile(string path, Block block, (NginxStatement Statement, NginxWord Argument)? include)
    {
        var canonical = Canonical(path);
        if (include is ({ } statement, { } argument))
        {
            if (_reading.FindIndex(r => r.Canonical == canonical) is var index and >= 0)
            {
                var chain = string.Join(" -> ", _reading.Skip(index).Select(r => r.Path).Append(path));
                throw Error(statement, argument, $"include cycle: \"{path}\" includes itself ({chain})");
            }

            if (_reading.Count >= MaxIncludeDepth)
            {
                throw Error(statement, argument, $"includes nested more than {MaxIncludeDepth} deep at \"{path}\"");
            }
        }

        var bytes = Load(path, include);
        if (!_files.Contains(path))
        {
            _files.Add(path);
        }

        _reading.Add((canonical, path));
        ReadStatements(new NginxLexer(path, bytes), block, fileLevel: true);
        _reading.RemoveAt(_reading.Count - 1);
    }

    private byte[] Load(string path, (NginxStatement Statement, NginxWord Argument)? include)
    {
        if (include is ({ } at, { } word) && Directory.Exists(path))
        {
            // What nginx itself reports when an include names (or a glob matches) a folder.
            throw Error(at, word, $"pread() \"{path}\" failed (21: Is a directory)");
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes || _totalBytes + length > MaxTotalBytes)
            {
                throw new InvalidDataException($"\"{path}\" is {length} bytes, more than Medic reads from a configuration");
            }

            var bytes = File.ReadAllBytes(path);
            _totalBytes += bytes.Length;
            return bytes;
        }
        catch (Exception e) when (include is ({ } statement, { } argument) && e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var message = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => $"open() \"{path}\" failed (2: No such file or directory)",
                UnauthorizedAccessException => $"open() \"{path}\" failed (13: Permission denied)",
                _ => e.Message,
            };
            throw Error(statement, argument, message);
        }
    }

    /// <summary>The file's identity for cycle detection: full path with symbolic links resolved.</summary>
    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
