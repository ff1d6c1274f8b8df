namespace Medic.Core.Model;

/// <summary>Thrown when input files are invalid; carries every error found, so the CLI can print them all and exit 2.</summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(errors.Count == 0 ? "invalid input" : string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public InputException(SourcePosition position, string message)
        : this([new InputError(position, message)])
    {
    }

    public IReadOnlyList<InputError> Errors { get; }
}
