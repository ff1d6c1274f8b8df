using Medic.Core.Model;

namespace Medic.Core.Reports;

public static class SeverityNames
{
    public static string Of(Severity s) => s switch
    {
        Severity.Critical => "critical",
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
