namespace Medic.Core.Model;

public sealed record ReportSummary(int Critical, int Error, int Warning, int Info, int Probes, int ProbeErrors);
