namespace Medic.Logs;

/// <summary>
/// The values seen at one wildcard position of a template, in bounded memory: exact counts for the first
/// <see cref="MaxTracked"/> distinct values, then a HyperLogLog estimate of the distinct count.
/// </summary>
public sealed class VariableSpread
{
    public const int MaxTracked = 256;

    private const int Registers = 256;

    private readonly Dictionary<string, long> counts = new(FastStringComparer.Instance);
    private readonly byte[] registers = new byte[Registers];
    private Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> lookup;

    internal VariableSpread(int position)
    {
        Position = position;
        lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
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
        [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(n)];

    internal void Add(ReadOnlySpan<char> value, long times = 1)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(lookup, value);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref count))
        {
            count += times;
        }
        else if (counts.Count < MaxTracked)
        {
            lookup[value] = times;
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
            Observe(value);
        }
    }

    internal void AddFrom(VariableSpread other)
    {
        foreach (var (value, c) in other.counts)
        {
            Add(value, c);
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

    private void Observe(ReadOnlySpan<char> value)
    {
        var hash = FastStringComparer.Hash(value);
        var index = (int)(hash >> 56);
        var rank = (byte)(System.Numerics.BitOperations.LeadingZeroCount((hash << 8) | 0x80UL) + 1);
        if (rank > registers[index])
        {
            registers[index] = rank;
        }
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
