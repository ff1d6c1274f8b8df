namespace Medic.Core.Systems;

/// <summary>One setting a component kind accepts.</summary>
public sealed record SettingSpec(string Name, SettingType Type, bool Required = false, string Description = "", bool Secret = false);
