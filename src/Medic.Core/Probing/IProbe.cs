namespace Medic.Core.Probing;

/// <summary>
/// A named, read-only measurement of one component (<c>sqlite.pragma</c>, <c>http.get</c>, …).
/// A probe never changes what it looks at. A target's failure is data: return <see cref="ProbeResult.Fail"/>
/// with a classified kind rather than throw. Throw only on misuse, and let cancellation through.
/// The engine enforces the timeout; a probe should still honour the token so it frees its connection promptly.
/// A probe that waits on a target calls <see cref="ProbeContext.ReportTarget"/> first, so that an engine timeout
/// still yields an observation naming the target and carrying what the probe knew.
/// </summary>
public interface IProbe
{
    /// <summary>The probe name runbooks use, <c>family.measurement</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>medic runbooks</c> and the README.</summary>
    string Description { get; }

    /// <summary>The component kinds this probe can examine.</summary>
    IReadOnlyList<string> Kinds { get; }

    IReadOnlyList<ProbeParameter> Parameters { get; }

    Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default);
}
