namespace Medic.Knowledge.Guides;

/// <summary>A command in a guide that is wrong or dangerous as written, with the safe form.</summary>
public sealed record LintWarning(string Rule, int Line, string Message, string SafeForm, string Command);
