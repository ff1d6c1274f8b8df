using System.Diagnostics;
using Medic.Probes.Binary;

// Times the read-only binary checks: ELF headers plus loader-order resolution, and the SQLite version scan
// (which reads the whole file when no SQLite is in it). Usage: dotnet run -c Release -- [files...]
var files = args.Length > 0 ? args : ["/bin/ls", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1"];
const int Runs = 7;
foreach (var file in files.Where(File.Exists))
{
    var size = (new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(file)).Length;
    var resolve = Median(() =>
    {
        var elf = ElfFile.Read(file);
        _ = LibraryResolver.ForSystem([]).Resolve(elf);
    });
    var scan = Median(() => _ = SqliteVersionScanner.Scan(file));
    var found = SqliteVersionScanner.Scan(file)?.Version ?? "none";
    Console.WriteLine($"{file} ({size / 1024.0 / 1024.0:F1} MiB): read+resolve median {resolve:F2} ms, sqlite scan median {scan:F2} ms ({size / 1024.0 / 1024.0 / (scan / 1000):F0} MiB/s), sqlite {found}");
}

static double Median(Action work)
{
    work();
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}
