using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>
/// What <c>medic logs FILE…</c> does before rendering: reads the baseline files, then the files, each once and streaming,
/// through format detection into one <see cref="LogAnalyzer"/>. The CLI and the end-to-end benchmark both call this.
/// The analyzer keeps no record, so the readers reuse their record objects.
/// </summary>
public static class LogTriage
{
    /// <summary>Called once per record with the file and the line's length in chars (progress, cancellation).</summary>
    public delegate void LineRead(string path, int chars);

    public static LogAnalyzer Analyze(
        IReadOnlyList<string> files, IReadOnlyList<string> baseline, ILogLineParser? lineFormat, TriageOptions options, LineRead? onLine = null, Func<string, LogFileReader>? open = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(baseline);
        var analyzer = new LogAnalyzer(options);
        open ??= path => new LogFileReader(path, lineFormat);
        foreach (var path in baseline)
        {
            Read(path, isBaseline: true);
        }

        foreach (var path in files)
        {
            Read(path, isBaseline: false);
        }

        return analyzer;

        void Read(string path, bool isBaseline)
        {
            var reader = open(path);
            long lines = 0;
            foreach (var record in reader.Records(reuse: true))
            {
                if (isBaseline)
                {
                    analyzer.AddBaseline(record);
                }
                else
                {
                    analyzer.Add(record);
                }

                lines++;
                onLine?.Invoke(path, record.Line.Length);
            }

            analyzer.AddSource(path, reader.FormatName ?? "plain", lines, isBaseline);
        }
    }
}
