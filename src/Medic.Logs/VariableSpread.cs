namespace Medic.Logs;

/// <summary>
/// The values seen at one wildcard position of a template, in bounded memory: exact counts for the first
/// <see cref="MaxTracked"/> distinct values, then a HyperLogLog estimate of the distinct count.
/// </summary>
public sealed class VariableSpread
{
    public const int MaxTracked = 256;

    private const int Registers = 256;

    // tracked values by their 64-bit hash (one hash per value serves the lookup and the registers; two values of one
    // hash, about one in 10^17 pairs, would share a count)
    private readonly Dictionary<ulong, Tracked> counts = [];
    private readonly byte[] registers = new byte[Registers];

    internal VariableSpread(int position)
    {
        Position = position;
    }

    /// <summary>Token index of the wildcard in the template.</summary>
    public int Position { get; }

    /// <summary>Occurrences whose value is not among the tracked values.</summary>
    public long Untracked { get; private set; }

    /// <summary>True once more than <see cref="MaxTracked"/> values were seen: DistinctCount is then an estimate.</summary>
    public bool IsEstimate => Untracked > 0;

    public long DistinctCount => IsEstimate ? Math.Max(counts.Count, Estimate()) : counts.Count;

    /// <summary>The most frequent tracked values, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Top(int n) =>
        [.. counts.Values.OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal).Take(n).Select(t => KeyValuePair.Create(t.Value, t.Count))];

    internal void Add(ReadOnlySpan<char> value, long times = 1)
    {
        var hash = FastStringComparer.Hash(value);
        if (counts.TryGetValue(hash, out var tracked))
        {
            tracked.Count += times;
        }
        else if (counts.Count < MaxTracked)
        {
            counts[hash] = new Tracked(value.ToString(), times);
        }
        else
        {
            if (Untracked == 0)
            {
                foreach (var key in counts.Keys)
                {
                    Observe(key); // the registers start once exact tracking is full
                }
            }
            Untracked += times;
            Observe(hash);
        }
    }

    internal void AddFrom(VariableSpread other)
    {
        foreach (var tracked in other.counts.Values)
        {
            Add(tracked.Value, tracked.Count);
        }
        Untracked += other.Untracked;
        if (Untracked > 0)
        {
            foreach (var key in counts.Keys)
            {
                Observe(key);
            }
        }
        for (var i = 0; i < Registers; i++)
        {
            registers[i] = Math.Max(registers[i], other.registers[i]);
        }
    }

    private void Observe(ulong hash)
    {
        var index = (int)(hash >> 56);
        var rank = (byte)(System.Numerics.BitOperations.LeadingZeroCount((hash << 8) | 0x80UL) + 1);
        if (rank > registers[index])
        {
            registers[index] = rank;
        }
    }

    private sealed class Tracked(string value, long count)
    {
        public string Value { get; } = value;

        public long Count { get; set; } = count;
    }

    private long Estimate()
    {
        double sum = 0;
        var zeros = 0;
        foreach (var r in registers)
        {
            sum += Math.Pow(2, -r);
            zeros += r == 0 ? 1 : 0;
        }
        var m = (double)Registers;
        var estimate = 0.7213 / (1 + (1.079 / m)) * m * m / sum;
        if (estimate <= 2.5 * m && zeros > 0)
        {
            estimate = m * Math.Log(m / zeros);
        }
        return (long)estimate;
    }
}
