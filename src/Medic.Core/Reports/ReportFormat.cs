namespace Medic.Core.Reports;

public enum ReportFormat
{
    Console,
    Json,
    Markdown,
}
