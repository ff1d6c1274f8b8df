using Medic.Knowledge.Guides;

namespace Medic.Knowledge.Tests.Guides;

internal static class Seeds
{
    public const string Pma = "000_d2c2fcb7eab650b9.txt";
    public const string CodeAi = "001_63eb18a64342e0f6.txt";
    public const string AriesOne = "002_fc48613a8bec7d26.txt";
    public const string WebMacs = "003_845f98012e8cd58d.txt";
    public const string HarmonyLite = "004_f5609ae1911cc5ef.txt";

    public static readonly string[] All = [Pma, CodeAi, AriesOne, WebMacs, HarmonyLite];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "seeds", name);

    public static Guide Load(string name) => GuideImporter.Load(PathOf(name));

    public static GuideEntry Entry(this Guide guide, string title) =>
        guide.Entries.Single(e => e.Kind != EntryKind.ErrorCode && e.Title == title);
}
