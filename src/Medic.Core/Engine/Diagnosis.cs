using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>A report plus what the engine has to say about its own run (skipped runbooks, conditions it could not evaluate).</summary>
public sealed record Diagnosis(Report Report, IReadOnlyList<string> Skipped, IReadOnlyList<EvaluationWarning> Warnings);
