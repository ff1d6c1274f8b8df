using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Formats;

internal static class Parse
{
    public static LogRecord? With(ILogLineParser parser, string line)
    {
        var record = new LogRecord { Source = "test.log", LineNumber = 1, Line = line };
        return parser.TryParse(line, record) ? record : null;
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
