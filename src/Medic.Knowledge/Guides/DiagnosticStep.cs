namespace Medic.Knowledge.Guides;

/// <summary>One command (or snippet) a guide tells the reader to run, with the comment that introduced it.</summary>
public sealed record DiagnosticStep(string Command, string Language, int Line, string? Comment = null);
