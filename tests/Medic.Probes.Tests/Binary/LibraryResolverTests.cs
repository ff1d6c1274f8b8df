using Medic.Probes.Binary;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Binary;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LibraryResolverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<ResolvedLibrary> Resolve(string path, params string[] libraryPath) =>
        LibraryResolver.ForSystem(libraryPath).Resolve(ElfFile.Read(path), TestContext.Current.CancellationToken);

    [Fact]
    public void Every_library_of_bin_ls_resolves_through_the_loader_cache()
    {
        var libraries = Resolve("/bin/ls");

        var libc = libraries.Single(l => l.Name == "libc.so.6");
        libc.Path.ShouldNotBeNull();
        File.Exists(libc.Path).ShouldBeTrue();
        libc.Via.ShouldBe("ld.so.cache");
        libraries.ShouldAllBe(l => l.Path != null);
    }

    [Fact]
    public async Task A_private_library_is_found_through_an_ORIGIN_runpath()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib", "-Wl,--enable-new-dtags");

        var foo = Resolve(app).Single(l => l.Name == "libfoo.so.1");

        foo.Path.ShouldBe(Path.Combine(_folder.Path, "lib", "libfoo.so.1"));
        foo.Via.ShouldBe("runpath");
        foo.NeededBy.ShouldBe("app");
    }

    [Fact]
    public async Task A_removed_private_library_is_not_found()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib");
        File.Delete(Path.Combine(_folder.Path, "lib", "libfoo.so.1"));

        var libraries = Resolve(app);

        libraries.Single(l => l.Name == "libfoo.so.1").Path.ShouldBeNull();
        libraries.Single(l => l.Name == "libc.so.6").Path.ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_a_runpath_only_LD_LIBRARY_PATH_finds_the_library()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path);
        var lib = Path.Combine(_folder.Path, "lib");

        Resolve(app).Single(l => l.Name == "libfoo.so.1").Path.ShouldBeNull();
        var found = Resolve(app, lib).Single(l => l.Name == "libfoo.so.1");
        found.Path.ShouldBe(Path.Combine(lib, "libfoo.so.1"));
        found.Via.ShouldBe("LD_LIBRARY_PATH");
    }

    [Fact]
    public async Task An_old_style_rpath_comes_before_LD_LIBRARY_PATH()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib", "-Wl,--disable-new-dtags");
        var other = Path.Combine(_folder.Path, "other");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(_folder.Path, "lib", "libfoo.so.1"), Path.Combine(other, "libfoo.so.1"));

        var foo = Resolve(app, other).Single(l => l.Name == "libfoo.so.1");

        foo.Via.ShouldBe("rpath");
        foo.Path.ShouldBe(Path.Combine(_folder.Path, "lib", "libfoo.so.1"));
    }

    [Fact]
    public async Task A_library_of_another_kind_in_the_search_path_is_skipped_as_the_loader_skips_it()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib");
        File.WriteAllText(Path.Combine(_folder.Path, "lib", "libfoo.so.1"), "not a library");

        Resolve(app).Single(l => l.Name == "libfoo.so.1").Path.ShouldBeNull();
    }

    [Fact]
    public async Task Libraries_needed_by_libraries_are_followed()
    {
        var lib = Path.Combine(_folder.Path, "lib");
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib");
        await Gcc.CompileAsync(lib, "int bar(void) { return 1; }\n", "-shared", "-fPIC", "-Wl,-soname,libbar.so.2", "-o", Path.Combine(lib, "libbar.so.2"));
        await Gcc.CompileAsync(lib, "int bar(void);\nint foo(void) { return 41 + bar(); }\n",
            "-shared", "-fPIC", "-Wl,-soname,libfoo.so.1", "-o", Path.Combine(lib, "libfoo.so.1"), "-L" + lib, "-l:libbar.so.2", "-Wl,-rpath,$ORIGIN");
        File.Delete(Path.Combine(lib, "libbar.so.2"));

        var bar = Resolve(app).Single(l => l.Name == "libbar.so.2");

        bar.Path.ShouldBeNull();
        bar.NeededBy.ShouldBe("libfoo.so.1");
    }

    [Fact]
    public void The_real_loader_cache_lists_libc()
    {
        var cache = LdCache.Load();

        cache.ShouldNotBeNull();
        cache.Find("libc.so.6").ShouldContain(p => p.EndsWith("/libc.so.6", StringComparison.Ordinal));
        cache.Count.ShouldBeGreaterThan(10);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ld.so-1.7.0")]
    [InlineData("glibc-ld.so.cache1.1\xff\xff\xff\x7f")]
    public void A_damaged_loader_cache_is_a_clear_error(string text)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(text.PadRight(text.Length + 4, '\0'));

        Should.Throw<ElfFormatException>(() => LdCache.Parse(bytes, "/etc/ld.so.cache")).Message.ShouldContain("/etc/ld.so.cache");
    }

    [Fact]
    public void A_truncated_copy_of_the_real_cache_never_crashes()
    {
        var whole = File.ReadAllBytes("/etc/ld.so.cache");

        for (var length = 0; length < Math.Min(whole.Length, 20000); length += 97)
        {
            try
            {
                LdCache.Parse(whole.AsSpan(0, length).ToArray(), "cache");
            }
            catch (ElfFormatException)
            {
            }
        }
    }

    [Fact]
    public void Ld_so_conf_includes_are_followed()
    {
        var conf = _folder.File("ld.so.conf");
        Directory.CreateDirectory(_folder.File("ld.so.conf.d"));
        File.WriteAllText(conf, "# comment\ninclude ld.so.conf.d/*.conf\n/opt/first\n");
        File.WriteAllText(_folder.File("ld.so.conf.d/b.conf"), "/opt/b  # trailing comment\n");
        File.WriteAllText(_folder.File("ld.so.conf.d/a.conf"), "/opt/a/\n\n");

        LdConfig.Folders(conf).ShouldBe(["/opt/a", "/opt/b", "/opt/first"]);
    }
}
