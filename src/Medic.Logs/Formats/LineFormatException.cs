namespace Medic.Logs.Formats;

/// <summary>A <c>--line-format</c> that cannot be used; <see cref="Column"/> is 1-based in the format text.</summary>
public sealed class LineFormatException : Exception
{
    public LineFormatException(string message, int column) : base(message) => Column = column;

    public LineFormatException() { }

    public LineFormatException(string message) : base(message) { }

    public LineFormatException(string message, Exception inner) : base(message, inner) { }

    public int Column { get; }
}
