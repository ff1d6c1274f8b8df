using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>Records per minute, with the errors and warnings among them.</summary>
public sealed class MinuteHistogram
{
    private readonly SortedDictionary<long, long[]> _minutes = [];
    private long _lastMinute;
    private long[]? _lastCounts;

    public void Add(DateTimeOffset time, LogSeverity severity)
    {
        var minute = time.ToUnixTimeSeconds() / 60;
        var counts = _lastCounts;
        if (minute != _lastMinute || counts is null)
        {
            // records come mostly in time order: the sorted lookup runs once per minute of log, not once per line
            if (!_minutes.TryGetValue(minute, out counts))
            {
                counts = new long[3];
                _minutes[minute] = counts;
            }

            _lastMinute = minute;
            _lastCounts = counts;
        }

        counts[0]++;
        if (severity >= LogSeverity.Error)
        {
            counts[1]++;
        }
        else if (severity == LogSeverity.Warning)
        {
            counts[2]++;
        }
    }

    /// <summary>Buckets from the first to the last minute, empty minutes included, merged so there are at most <paramref name="maxBuckets"/>.</summary>
    public IReadOnlyList<TimeBucket> Buckets(int maxBuckets = 1440)
    {
        if (_minutes.Count == 0)
        {
            return [];
        }

        var first = _minutes.Keys.First();
        var last = _minutes.Keys.Last();
        var span = last - first + 1;
        var width = Math.Max(1, (span + maxBuckets - 1) / maxBuckets);
        var buckets = new TimeBucket[(span + width - 1) / width];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new TimeBucket(DateTimeOffset.FromUnixTimeSeconds((first + (i * width)) * 60), (int)width, 0, 0, 0);
        }

        foreach (var (minute, c) in _minutes)
        {
            var i = (int)((minute - first) / width);
            var b = buckets[i];
            buckets[i] = b with { Total = b.Total + c[0], Errors = b.Errors + c[1], Warnings = b.Warnings + c[2] };
        }

        return buckets;
    }
}
