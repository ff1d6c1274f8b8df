namespace Medic.Probes.Toml;

public static class TomlValueKindExtensions
{
    /// <summary>
    /// The coarse type name used by type checks: <c>string</c>, <c>int</c>, <c>float</c>, <c>bool</c>,
    /// <c>datetime</c> (all four date and time kinds), <c>array</c> or <c>table</c>.
    /// </summary>
    public static string TypeName(this TomlValueKind kind) => kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "int",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "bool",
        TomlValueKind.Array => "array",
        TomlValueKind.Table => "table",
        _ => "datetime",
    };

    public static bool IsDateTime(this TomlValueKind kind) =>
        kind is TomlValueKind.OffsetDateTime or TomlValueKind.LocalDateTime or TomlValueKind.LocalDate or TomlValueKind.LocalTime;
}
