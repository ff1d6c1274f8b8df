using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Medic.Probes.Nginx;

/// <summary>The counters of nginx's <c>stub_status</c> page.</summary>
internal sealed partial record StubStatus(long Active, long Accepts, long Handled, long Requests, long Reading, long Writing, long Waiting)
{
    /// <summary>
    /// Reads the page:
    /// <code>
    /// Active connections: 2
    /// server accepts handled requests
    ///  10 10 31
    /// Reading: 0 Writing: 1 Waiting: 1
    /// </code>
    /// </summary>
    public static StubStatus? Parse(string text)
    {
        var active = ActivePattern().Match(text);
        var totals = TotalsPattern().Match(text);
        var states = StatesPattern().Match(text);
        if (!active.Success || !totals.Success || !states.Success)
        {
            return null;
        }

        return new StubStatus(
            N(active, 1), N(totals, 1), N(totals, 2), N(totals, 3), N(states, 1), N(states, 2), N(states, 3));
    }

    /// <summary>Connections accepted but not handled: nginx dropped them, usually at worker_connections.</summary>
    public long Dropped => Math.Max(0, Accepts - Handled);

    public void WriteTo(JsonObject data)
    {
        data["active_connections"] = Active;
        data["accepts"] = Accepts;
        data["handled"] = Handled;
        data["dropped"] = Dropped;
        data["requests"] = Requests;
        data["reading"] = Reading;
        data["writing"] = Writing;
        data["waiting"] = Waiting;
    }

    private static long N(Match m, int group) => long.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Active connections:\s*(\d{1,18})")]
    private static partial Regex ActivePattern();

    [GeneratedRegex(@"server accepts handled requests\s+(\d{1,18})\s+(\d{1,18})\s+(\d{1,18})")]
    private static partial Regex TotalsPattern();

    [GeneratedRegex(@"Reading:\s*(\d{1,18})\s+Writing:\s*(\d{1,18})\s+Waiting:\s*(\d{1,18})")]
    private static partial Regex StatesPattern();
}
