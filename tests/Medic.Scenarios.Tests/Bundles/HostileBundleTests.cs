using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Bundles;

/// <summary>Crafted archives given to <c>medic diagnose --bundle</c> and <c>medic bundle inspect</c>: refused with exit 2, nothing written anywhere.</summary>
public sealed class HostileBundleTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("medic-hostile-");

    public void Dispose() => _parent.Delete(recursive: true);

    public static TheoryData<string, string> Cases => new()
    {
        { "traversal", "points outside the bundle" },
        { "absolute", "points outside the bundle" },
        { "symlink", "SymbolicLink" },
        { "hardlink", "HardLink" },
        { "absurd-size", "over the" },
        { "truncated", "damaged or truncated" },
        { "not-gzip", "damaged or truncated" },
        { "altered", "does not match its SHA-256" },
        { "unlisted", "is not listed in the manifest" },
        { "no-manifest", "no manifest.json" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_or_damaged_bundle_is_refused_with_exit_2_and_nothing_is_written(string kind, string reason)
    {
        var chosen = Directory.CreateDirectory(Path.Combine(_parent.FullName, "chosen"));
        var bundle = Path.Combine(chosen.FullName, "bad.tar.gz");
        await System.IO.File.WriteAllBytesAsync(bundle, Craft(kind), TestContext.Current.CancellationToken);
        var before = Listing();

        foreach (var args in new[] { new[] { "diagnose", "--bundle", bundle }, ["bundle", "inspect", bundle] })
        {
            var run = await MedicRun.RunAsync(null, args);

            run.ExitCode.ShouldBe(2, run.Stderr + run.Stdout);
            run.Stderr.ShouldContain($"{bundle}:1:1: error: refused: ");
            run.Stderr.ShouldContain(reason);
            run.Stderr.ShouldNotContain("   at ");
            Listing().ShouldBe(before);
        }

        System.IO.File.Exists(Path.Combine(Path.GetTempPath(), "evil.txt")).ShouldBeFalse();
    }

    private string[] Listing() => [.. Directory.EnumerateFileSystemEntries(_parent.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static byte[] Craft(string kind)
    {
        const string Manifest = """{"created":"2026-01-01T00:00:00Z","entries":[{"path":"a.txt","size":1,"sha256":"HASH","truncated":false}],"failures":[],"redactions":{}}""";
        var goodHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("a"u8));
        return kind switch
        {
            "traversal" => Tar(t => t.WriteEntry(Entry("../../evil.txt", "x"))),
            "absolute" => Tar(t => t.WriteEntry(Entry("/tmp/evil.txt", "x"))),
            "symlink" => Tar(t => t.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "files/passwd") { LinkName = "/etc/passwd" })),
            "hardlink" => Tar(t => t.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "files/shadow") { LinkName = "/etc/shadow" })),
            "absurd-size" => Tar(t => t.WriteEntry(Entry("files/huge.log", new string('a', 9 * 1024 * 1024)))),
            "truncated" => Tar(t => t.WriteEntry(Entry("a.txt", new string('z', 200_000) + Guid.NewGuid())))[..300],
            "not-gzip" => Encoding.UTF8.GetBytes("this is not a bundle\n"),
            "altered" => Tar(t =>
            {
                t.WriteEntry(Entry("a.txt", "b"));
                t.WriteEntry(Entry("manifest.json", Manifest.Replace("HASH", goodHash, StringComparison.Ordinal)));
            }, manifest: false),
            "unlisted" => Tar(t =>
            {
                t.WriteEntry(Entry("a.txt", "a"));
                t.WriteEntry(Entry("extra.txt", "?"));
                t.WriteEntry(Entry("manifest.json", Manifest.Replace("HASH", goodHash, StringComparison.Ordinal)));
            }, manifest: false),
            "no-manifest" => Tar(t => t.WriteEntry(Entry("a.txt", "a")), manifest: false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static PaxTarEntry Entry(string name, string content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    private static byte[] Tar(Action<TarWriter> write, bool manifest = true)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(tar);
            if (manifest)
            {
                tar.WriteEntry(Entry("manifest.json", "{}"));
            }
        }

        return stream.ToArray();
    }
}
