namespace Medic.Core.Systems;

/// <summary>
/// A kind of component (<c>http</c>, <c>sqlite</c>, …) and the settings it accepts. Every kind also accepts
/// <c>timeout</c> (a per-probe timeout for this component). Unknown keys are errors.
/// </summary>
public sealed record ComponentKind(string Name, string Description, IReadOnlyList<SettingSpec> Settings)
{
    public static readonly SettingSpec Timeout = new("timeout", SettingType.Duration, Description: "per-probe timeout for this component");

    public SettingSpec? FindSetting(string key) =>
        string.Equals(key, Timeout.Name, StringComparison.Ordinal) ? Timeout : Settings.FirstOrDefault(s => s.Name == key);
}
