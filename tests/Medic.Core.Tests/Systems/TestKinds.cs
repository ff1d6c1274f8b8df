using Medic.Core.Systems;

namespace Medic.Core.Tests.Systems;

internal static class TestKinds
{
    public static KindRegistry Registry { get; } = new([
        new ComponentKind("http", "", [new("url", SettingType.Url, Required: true), new("health", SettingType.String), new("headers", SettingType.Map, Secret: true)]),
        new ComponentKind("sqlite", "", [new("path", SettingType.Path, Required: true), new("busy_timeout", SettingType.Duration)]),
        new ComponentKind("postgres", "", [new("connection", SettingType.String, Required: true)]),
        new ComponentKind("host", "", [new("ports", SettingType.IntList), new("paths", SettingType.PathList), new("user", SettingType.String)]),
    ]);
}
