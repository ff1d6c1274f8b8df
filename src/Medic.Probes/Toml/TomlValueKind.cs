namespace Medic.Probes.Toml;

/// <summary>The type of a TOML value, as written in the document.</summary>
public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
    Array,
    Table,
}
