using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Binary;

/// <summary>
/// <c>binary.inspect</c>: what the dynamic loader would do with the service's executable, worked out by reading it
/// (never by running it or ldd, which can execute code): its interpreter, the libraries it needs (transitively) and
/// where each resolves, those "not found", and the SQLite build compiled into it or into the libsqlite3 it links.
/// </summary>
public sealed class BinaryInspectProbe : IProbe
{
    public string Name => "binary.inspect";

    public string Description => "an executable's interpreter, needed shared libraries (resolved as ld.so does: RPATH, LD_LIBRARY_PATH, RUNPATH, ld.so.cache, default folders; missing ones listed) and embedded SQLite version, read without running it";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("path", ParameterType.String, Description: "the executable (default: the component's binary)"),
        new("library_path", ParameterType.StringList, Description: "the service's LD_LIBRARY_PATH folders (default: the component's library_path)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var setting = context.GetString("path") ?? context.Component.GetString("binary");
        if (string.IsNullOrEmpty(setting))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "no executable to read: give 'path' in the check or 'binary' in the component");
        }

        var path = context.Component.ResolvePath(setting);
        var libraryPath = context.GetPaths("library_path").SelectMany(p => p.Split(':')).Where(p => p.Length > 0).ToList();
        if (!File.Exists(path))
        {
            return ProbeResult.Fail(Directory.Exists(path) ? ErrorKinds.InvalidArgument : ErrorKinds.NotFound,
                Directory.Exists(path) ? $"{path} is a folder, not an executable" : $"{path} does not exist",
                new JsonObject { ["path"] = path, ["exists"] = Directory.Exists(path) });
        }

        try
        {
            return ProbeResult.Ok(Inspect(path, libraryPath, cancellationToken));
        }
        catch (ElfFormatException e)
        {
            return ProbeResult.Fail(ErrorKinds.Corrupt, $"{path}: {e.Message}", new JsonObject { ["path"] = path, ["exists"] = true, ["elf"] = true });
        }
        catch (UnauthorizedAccessException)
        {
            return ProbeResult.Fail(ErrorKinds.PermissionDenied, $"{path} cannot be read by this user", new JsonObject { ["path"] = path, ["exists"] = true });
        }
        catch (IOException e)
        {
            return ProbeResult.Fail(ErrorKinds.NotFound, $"{path}: {e.Message}", new JsonObject { ["path"] = path });
        }
    }

    private static JsonObject Inspect(string path, List<string> libraryPath, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["path"] = path, ["exists"] = true, ["library_path"] = Strings(libraryPath) };
        if (!ElfFile.LooksLikeElf(path))
        {
            data["elf"] = false;
            data["libraries"] = new JsonArray();
            data["missing"] = new JsonArray();
            data["sqlite"] = Describe(SqliteVersionScanner.Scan(path, cancellationToken));
            return data;
        }

        var elf = ElfFile.Read(path);
        var libraries = LibraryResolver.ForSystem(libraryPath).Resolve(elf, cancellationToken);
        data["elf"] = true;
        data["machine"] = MachineName(elf.Machine);
        data["type"] = elf.Type;
        data["interpreter"] = elf.Interpreter;
        data["interpreter_found"] = elf.Interpreter is null ? null : File.Exists(elf.Interpreter);
        data["static"] = elf.Interpreter is null && elf.Needed.Count == 0;
        data["needed"] = Strings(elf.Needed);
        data["runpath"] = Strings(elf.RunPath);
        data["rpath"] = Strings(elf.RPath);
        data["libraries"] = new JsonArray([.. libraries.Select(l => (JsonNode?)new JsonObject
        {
            ["name"] = l.Name,
            ["path"] = l.Path,
            ["found"] = l.Path is not null,
            ["needed_by"] = l.NeededBy,
            ["via"] = l.Via,
        })]);
        data["missing"] = Strings(libraries.Where(l => l.Path is null).Select(l => l.Name));
        var sqlite = SqliteVersionScanner.Scan(path, cancellationToken);
        foreach (var library in libraries.Where(l => l.Path is not null && l.Name.StartsWith("libsqlite3", StringComparison.Ordinal)))
        {
            sqlite ??= SqliteVersionScanner.Scan(library.Path!, cancellationToken);
        }

        data["sqlite"] = Describe(sqlite);
        return data;
    }

    private static JsonObject? Describe(SqliteBuild? build) => build is null ? null : new JsonObject
    {
        ["version"] = build.Version,
        ["version_number"] = build.VersionNumber,
        ["source_id"] = build.SourceId,
        ["source_date"] = build.SourceDate,
        ["file"] = build.File,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static string MachineName(int machine) => machine switch
    {
        ElfFile.MachineX86_64 => "x86_64",
        ElfFile.MachineAArch64 => "aarch64",
        3 => "i386",
        40 => "arm",
        243 => "riscv",
        _ => $"machine {machine}",
    };
}
