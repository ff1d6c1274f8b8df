using Medic.Probes.Binary;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Binary;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ElfFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_the_interpreter_and_needed_libraries_of_bin_ls()
    {
        var elf = ElfFile.Read("/bin/ls");

        elf.Class.ShouldBe(64);
        elf.Machine.ShouldBe(ElfFile.MachineX86_64);
        elf.Interpreter.ShouldBe("/lib64/ld-linux-x86-64.so.2");
        elf.Needed.ShouldContain("libc.so.6");
        elf.HasDynamicSection.ShouldBeTrue();
        elf.Type.ShouldBe("pie-executable");
    }

    [Fact]
    public void Reads_the_soname_of_a_shared_library()
    {
        var elf = ElfFile.Read("/usr/lib/x86_64-linux-gnu/libsqlite3.so.0");

        elf.SoName.ShouldBe("libsqlite3.so.0");
        elf.Type.ShouldBe("shared-object");
        elf.Needed.ShouldContain("libc.so.6");
    }

    [Fact]
    public async Task Reads_the_runpath_gcc_writes()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib", "-Wl,--enable-new-dtags");

        var elf = ElfFile.Read(app);

        elf.Needed.ShouldBe(["libfoo.so.1", "libc.so.6"]);
        elf.RunPath.ShouldBe(["$ORIGIN/lib"]);
        elf.RPath.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reads_an_old_style_rpath()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,/opt/a:/opt/b", "-Wl,--disable-new-dtags");

        var elf = ElfFile.Read(app);

        elf.RPath.ShouldBe(["/opt/a", "/opt/b"]);
        elf.RunPath.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_static_program_has_no_interpreter_and_no_needed_libraries()
    {
        var app = _folder.File("static");
        await Gcc.CompileAsync(_folder.Path, "int main(void) { return 0; }\n", "-static", "-o", app);

        var elf = ElfFile.Read(app);

        elf.Interpreter.ShouldBeNull();
        elf.Needed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "runs past the end")]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }, "runs past the end")]
    public void A_file_shorter_than_the_header_is_a_clear_error(byte[] bytes, string message)
    {
        var path = _folder.File("short");
        File.WriteAllBytes(path, bytes);

        Should.Throw<ElfFormatException>(() => ElfFile.Read(path)).Message.ShouldContain(message);
    }

    [Fact]
    public void A_script_is_not_an_ELF_file()
    {
        var path = _folder.File("script");
        File.WriteAllText(path, "#!/bin/sh\n" + new string('#', 100) + "\nexec /bin/true\n");

        Should.Throw<ElfFormatException>(() => ElfFile.Read(path)).Message.ShouldContain("not an ELF file");
        ElfFile.LooksLikeElf(path).ShouldBeFalse();
    }

    [Fact]
    public void A_32_bit_file_is_named_as_such()
    {
        var bytes = File.ReadAllBytes("/bin/ls").AsSpan(0, 4096).ToArray();
        bytes[4] = 1;
        var path = _folder.File("elf32");
        File.WriteAllBytes(path, bytes);

        Should.Throw<ElfFormatException>(() => ElfFile.Read(path)).Message.ShouldContain("32-bit");
    }

    [Fact]
    public void A_program_header_table_past_the_end_is_a_clear_error()
    {
        var bytes = File.ReadAllBytes("/bin/ls").AsSpan(0, 4096).ToArray();
        BitConverter.GetBytes(0x7fff_ffff_ffffUL).CopyTo(bytes, 32);
        var path = _folder.File("phoff");
        File.WriteAllBytes(path, bytes);

        Should.Throw<ElfFormatException>(() => ElfFile.Read(path)).Message.ShouldContain("program header 0");
    }

    [Fact]
    public void Every_truncation_of_a_real_program_is_either_read_or_a_clear_error()
    {
        var whole = File.ReadAllBytes("/bin/ls");
        var path = _folder.File("cut");
        var errors = 0;
        for (var length = 0; length < whole.Length; length += 211)
        {
            File.WriteAllBytes(path, whole.AsSpan(0, length).ToArray());
            try
            {
                ElfFile.Read(path);
            }
            catch (ElfFormatException e)
            {
                e.Message.ShouldNotBeNullOrWhiteSpace();
                errors++;
            }
        }

        errors.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Corrupting_any_header_byte_never_throws_anything_but_a_format_error()
    {
        var original = File.ReadAllBytes("/bin/ls");
        var path = _folder.File("flip");
        var random = new Random(4);
        for (var i = 0; i < 400; i++)
        {
            var bytes = (byte[])original.Clone();
            var at = random.Next(0, 1024);
            bytes[at] = (byte)random.Next(256);
            bytes[random.Next(0, 1024)] ^= 0xff;
            File.WriteAllBytes(path, bytes);
            try
            {
                ElfFile.Read(path);
            }
            catch (ElfFormatException)
            {
            }
        }
    }
}
