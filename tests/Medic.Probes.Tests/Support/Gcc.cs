using System.Diagnostics;

namespace Medic.Probes.Tests.Support;

/// <summary>gcc (installed by test.sh) building the small programs and libraries the ELF tests read.</summary>
internal static class Gcc
{
    public static string? Path => File.Exists("/usr/bin/gcc") ? "/usr/bin/gcc" : null;

    /// <summary>Skips the test, saying why, when gcc is not installed.</summary>
    public static void Require()
    {
        if (Path is null)
        {
            Xunit.Assert.Skip("gcc is not installed (apt-get install -y gcc), so no ELF files can be built");
        }
    }

    /// <summary>Writes <paramref name="source"/> to a .c file in <paramref name="folder"/> and runs gcc with <paramref name="args"/> on it.</summary>
    public static async Task CompileAsync(string folder, string source, params string[] args)
    {
        Require();
        var file = System.IO.Path.Combine(folder, $"src{Guid.NewGuid():N}.c");
        await File.WriteAllTextAsync(file, source);
        var info = new ProcessStartInfo(Path!) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = folder };
        info.ArgumentList.Add(file);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"gcc {string.Join(' ', args)} failed: {await errors}");
        }
    }

    /// <summary>
    /// Builds libfoo.so.1 into <c>lib/</c> under <paramref name="folder"/> and an executable <c>app</c> linked against it;
    /// <paramref name="linkFlags"/> add e.g. a RUNPATH (<c>-Wl,-rpath,$ORIGIN/lib</c>). Returns the app's path.
    /// </summary>
    public static async Task<string> AppWithPrivateLibraryAsync(string folder, params string[] linkFlags)
    {
        var lib = System.IO.Path.Combine(folder, "lib");
        Directory.CreateDirectory(lib);
        await CompileAsync(lib, "int foo(void) { return 42; }\n", "-shared", "-fPIC", "-Wl,-soname,libfoo.so.1", "-o", System.IO.Path.Combine(lib, "libfoo.so.1"));
        File.CreateSymbolicLink(System.IO.Path.Combine(lib, "libfoo.so"), "libfoo.so.1");
        var app = System.IO.Path.Combine(folder, "app");
        await CompileAsync(folder, "int foo(void);\nint main(void) { return foo() == 42 ? 0 : 1; }\n",
            ["-o", app, "-L" + lib, "-lfoo", .. linkFlags]);
        return app;
    }
}
