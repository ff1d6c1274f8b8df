namespace Medic.Logs;

/// <summary>Bad log input: the message names the file (and line where known).</summary>
public sealed class LogInputException : Exception
{
    public LogInputException(string message) : base(message) { }

    public LogInputException(string message, Exception inner) : base(message, inner) { }

    public LogInputException() { }
}
