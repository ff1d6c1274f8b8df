namespace Medic.Probes.Toml;

/// <summary>A TOML document is invalid; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed class TomlException : Exception
{
    public TomlException()
        : this(1, 1, "invalid TOML")
    {
    }

    public TomlException(string message)
        : this(1, 1, message)
    {
    }

    public TomlException(string message, Exception innerException)
        : base(message, innerException)
    {
        Line = 1;
        Column = 1;
        Reason = message;
    }

    public TomlException(int line, int column, string reason)
        : base($"{line}:{column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    public int Line { get; }

    /// <summary>1-based, counted in Unicode characters (a tab counts as one).</summary>
    public int Column { get; }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }

    public TomlError ToError() => new(Line, Column, Reason);
}
