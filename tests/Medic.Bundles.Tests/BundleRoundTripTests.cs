using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Shouldly;
using Xunit;

namespace Medic.Bundles.Tests;

public sealed class BundleRoundTripTests
{
    private static readonly BundleLimits Limits = new(MaxFileBytes: 1024, MaxTotalBytes: 4096);

    [Fact]
    public void Written_bundle_reads_back_redacted_with_hashes_and_counts()
    {
        var stream = new MemoryStream();
        using (var writer = new BundleWriter(stream, new Redactor(), Limits))
        {
            writer.AddText("files/api/appsettings.json", "{\"password\":\"pw-one\"}\n");
            writer.AddText("files/api/app.log", "level=warn password=pw-one\nAuthorization: Bearer tok-two\n");
            writer.AddFailure("files/api/missing.log", "file not found");
            writer.Complete(DateTimeOffset.UnixEpoch);
        }
        stream.Position = 0;
        var (manifest, files) = BundleReader.Read(stream, Limits);
        files["files/api/appsettings.json"].ShouldBe("{\"password\":\"[REDACTED:secret-key#1]\"}\n");
        files["files/api/app.log"].ShouldNotContain("pw-one");
        files["files/api/app.log"].ShouldNotContain("tok-two");
        manifest.Redactions["secret-key"].ShouldBe(2);
        manifest.Redactions["authorization-header"].ShouldBe(1);
        manifest.Failures.ShouldHaveSingleItem().Reason.ShouldBe("file not found");
        foreach (var entry in manifest.Entries)
        {
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(files[entry.Path]))).ShouldBe(entry.Sha256);
        }
    }

    [Fact]
    public void Per_file_and_total_caps_truncate_and_record()
    {
        var stream = new MemoryStream();
        using (var writer = new BundleWriter(stream, new Redactor(), Limits))
        {
            for (var i = 0; i < 5; i++)
            {
                writer.AddText($"files/big{i}.log", new string('x', 2000));
            }
            writer.Complete(DateTimeOffset.UnixEpoch);
        }
        stream.Position = 0;
        var (manifest, _) = BundleReader.Read(stream, Limits with { MaxFileBytes = 4096, MaxTotalBytes = 8192 }); // room for the manifest itself
        manifest.Entries.Count.ShouldBe(4);
        manifest.Entries.ShouldAllBe(e => e.Truncated && e.Size == 1024);
        manifest.Failures.ShouldHaveSingleItem().Reason.ShouldBe("total size cap reached");
    }

    [Theory]
    [InlineData("../evil.txt", "points outside")]
    [InlineData("files/../../evil.txt", "points outside")]
    [InlineData("/etc/evil", "points outside")]
    public void Traversal_is_refused(string name, string message)
    {
        var ex = Should.Throw<BundleException>(() => ReadHostile(tar => tar.WriteEntry(File(name, "x"))));
        ex.Message.ShouldContain(message);
    }

    [Fact]
    public void Links_are_refused()
    {
        var ex = Should.Throw<BundleException>(() => ReadHostile(tar =>
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "files/passwd") { LinkName = "/etc/passwd" })));
        ex.Message.ShouldContain("SymbolicLink");
    }

    [Fact]
    public void Absurd_sizes_are_refused_before_reading()
    {
        var ex = Should.Throw<BundleException>(() => ReadHostile(tar => tar.WriteEntry(File("files/huge.log", new string('a', 5000)))));
        ex.Message.ShouldContain("over the 1024-byte cap");
    }

    [Fact]
    public void Truncated_archive_is_refused()
    {
        var stream = new MemoryStream();
        using (var writer = new BundleWriter(stream, new Redactor(), Limits))
        {
            writer.AddText("files/a.log", string.Concat(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            writer.Complete(DateTimeOffset.UnixEpoch);
        }
        var cut = new MemoryStream(stream.ToArray()[..(int)(stream.Length / 2)]);
        var ex = Should.Throw<BundleException>(() => BundleReader.Read(cut, Limits));
        ex.Message.ShouldContain("damaged or truncated");
    }

    private static PaxTarEntry File(string name, string content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    private static void ReadHostile(Action<TarWriter> write)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(tar);
            tar.WriteEntry(File(Manifest.FileName, "{}"));
        }
        stream.Position = 0;
        BundleReader.Read(stream, Limits);
    }
}
