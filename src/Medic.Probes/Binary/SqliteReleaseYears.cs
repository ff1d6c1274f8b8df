namespace Medic.Probes.Binary;

/// <summary>
/// Which SQLite minor versions came out in which year, coarsely: the first release of each year (from sqlite.org's
/// release history). A source id's date rules out version texts that cannot belong to it (a linker may put an
/// unrelated "3.14.0" nearer to the source id than <c>sqlite3_version[]</c>).
/// </summary>
internal static class SqliteReleaseYears
{
    private static readonly (int Year, int Minor)[] FirstOfYear =
    [
        (2009, 6), (2010, 6), (2011, 7), (2012, 7), (2013, 7), (2014, 8), (2015, 8), (2016, 10), (2017, 16),
        (2018, 22), (2019, 27), (2020, 31), (2021, 34), (2022, 37), (2023, 40), (2024, 45), (2025, 48),
    ];

    /// <summary>Whether SQLite 3.<paramref name="minor"/>.x can have a source id dated in <paramref name="year"/>.</summary>
    public static bool Plausible(int minor, int year)
    {
        if (year < FirstOfYear[0].Year)
        {
            return minor <= FirstOfYear[0].Minor;
        }

        var index = Array.FindLastIndex(FirstOfYear, e => e.Year <= year);
        var low = FirstOfYear[index].Minor;
        var high = index + 1 < FirstOfYear.Length ? FirstOfYear[index + 1].Minor : int.MaxValue;
        return minor >= low && minor <= high;
    }
}
