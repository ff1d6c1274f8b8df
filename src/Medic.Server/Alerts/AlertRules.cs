namespace Medic.Server.Alerts;

/// <summary>
/// Noise control. A finding alerts once it held for <see cref="After"/> consecutive runs; it alerts again only when it
/// resolves. One that changes between present and absent more than <see cref="FlapLimit"/> times within
/// <see cref="FlapWindow"/> is held as flapping: one <c>flapping</c> alert, then silence until it is stable for a whole window.
/// </summary>
public sealed record AlertRules(int After = 2, int FlapLimit = 4, TimeSpan? Window = null)
{
    public TimeSpan FlapWindow => Window ?? TimeSpan.FromHours(1);
}
