namespace Medic.Core.Engine;

/// <summary>A cause whose condition could not be evaluated (a type error on the observed data); it did not hold.</summary>
public sealed record EvaluationWarning(string Runbook, string Cause, string Component, string Message);
