using System.Text;
using Medic.Probes.Binary;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Binary;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteVersionScannerTests : IDisposable
{
    /// <summary>SQLite 3.31.1's sqlite_source_id(), as its amalgamation compiles it in.</summary>
    internal const string OldSourceId = "2020-01-27 19:55:54 3bfa9cc97da10598521b342961df8f5f68c7388fa117345eeb516eaa837bb2";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_system_libsqlite3_is_3_40_1()
    {
        var build = SqliteVersionScanner.Scan("/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", Ct);

        build.ShouldNotBeNull();
        build.Version.ShouldBe("3.40.1");
        build.VersionNumber.ShouldBe(3040001);
        build.SourceDate.ShouldBe("2022-12-28");
        build.SourceId.ShouldStartWith("2022-12-28 14:03:47 df5c253c");
    }

    [Fact]
    public async Task SQLite_linked_statically_into_a_program_is_found()
    {
        var app = _folder.File("static-sqlite");
        await Gcc.CompileAsync(_folder.Path, "#include <sqlite3.h>\nint main(void) { return sqlite3_libversion_number() > 0 ? 0 : 1; }\n",
            "-o", app, "/usr/lib/x86_64-linux-gnu/libsqlite3.a", "-lm", "-lpthread", "-ldl");

        var build = SqliteVersionScanner.Scan(app, Ct);

        build.ShouldNotBeNull();
        build.Version.ShouldBe("3.40.1");
        build.File.ShouldBe(app);
    }

    [Fact]
    public async Task An_old_version_compiled_in_is_read()
    {
        var app = _folder.File("old-sqlite");
        await Gcc.CompileAsync(_folder.Path, OldSqliteProgram, "-o", app);

        var build = SqliteVersionScanner.Scan(app, Ct);

        build.ShouldNotBeNull();
        build.Version.ShouldBe("3.31.1");
        build.VersionNumber.ShouldBe(3031001);
        build.SourceId.ShouldBe(OldSourceId);
    }

    [Fact]
    public void A_program_without_SQLite_has_no_build()
    {
        SqliteVersionScanner.Scan("/bin/ls", Ct).ShouldBeNull();
    }

    [Fact]
    public void A_source_id_across_a_chunk_boundary_is_found_with_a_version_in_the_next_chunk()
    {
        var path = _folder.File("blob");
        var bytes = new byte[3 << 20];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('g' + (bytes[i] % 19)); // letters only: no digits that could read as a version
        }

        var id = Encoding.ASCII.GetBytes(OldSourceId);
        id.CopyTo(bytes, (1 << 20) - 20);
        Encoding.ASCII.GetBytes("\u00003.31.1\u0000").CopyTo(bytes, (1 << 20) + 3000);
        File.WriteAllBytes(path, bytes);

        var build = SqliteVersionScanner.Scan(path, Ct);

        build.ShouldNotBeNull();
        build.SourceId.ShouldBe(OldSourceId);
        build.Version.ShouldBe("3.31.1");
    }

    [Fact]
    public void A_version_text_that_cannot_belong_to_the_source_date_is_passed_over_for_one_far_away()
    {
        // As in cargo 1.9x: "os_info-3.14.0" a few KiB from SQLite's source id, sqlite3_version[] megabytes away.
        var path = _folder.File("rust-like");
        var bytes = new byte[4 << 20];
        Array.Fill(bytes, (byte)'q');
        Encoding.ASCII.GetBytes("/rust/deps/os_info-3.14.0/src/uname.rs").CopyTo(bytes, 100_000);
        Encoding.ASCII.GetBytes("2025-11-28 17:28:25 281fc0e9afc38674b9b0991943b9e9d1e64c6cbdb133d35f6f5c87ff6af38a88").CopyTo(bytes, 105_000);
        Encoding.ASCII.GetBytes("\u00003.51.1\u0000").CopyTo(bytes, 3_000_000);
        File.WriteAllBytes(path, bytes);

        var build = SqliteVersionScanner.Scan(path, Ct);

        build.ShouldNotBeNull();
        build.Version.ShouldBe("3.51.1");
        build.SourceDate.ShouldBe("2025-11-28");
    }

    [Fact]
    public void A_source_id_without_any_fitting_version_text_has_no_version()
    {
        var path = _folder.File("no-version");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("xx 3.14.0 xx " + OldSourceId + " xx 3.5.4 xx"));

        var build = SqliteVersionScanner.Scan(path, Ct);

        build.ShouldNotBeNull();
        build.Version.ShouldBeNull();
        build.VersionNumber.ShouldBeNull();
        build.SourceDate.ShouldBe("2020-01-27");
    }

    [Theory]
    [InlineData(31, 2020, true)]
    [InlineData(34, 2020, true)]
    [InlineData(40, 2022, true)]
    [InlineData(51, 2025, true)]
    [InlineData(60, 2031, true)]
    [InlineData(14, 2025, false)]
    [InlineData(40, 2020, false)]
    [InlineData(5, 2025, false)]
    public void A_minor_version_fits_only_the_years_it_was_released_in(int minor, int year, bool plausible)
    {
        SqliteReleaseYears.Plausible(minor, year).ShouldBe(plausible);
    }

    /// <summary>What an amalgamation compiles into read-only data: <c>sqlite3_version[]</c> and the source id.</summary>
    internal const string OldSqliteProgram = $$"""
        #include <stdio.h>
        const char sqlite3_version[] = "3.31.1";
        const char *sqlite3_sourceid(void) { return "{{OldSourceId}}"; }
        int main(void) { puts(sqlite3_version); return sqlite3_sourceid()[0] == 0; }
        """;
}
