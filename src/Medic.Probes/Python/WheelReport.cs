using System.Text.Json.Nodes;

namespace Medic.Probes.Python;

/// <summary>One wheel's observation: what it declares and why it would not load into the target.</summary>
internal static class WheelReport
{
    public static JsonObject Describe(string file, WheelTarget target)
    {
        var entry = new JsonObject { ["file"] = Path.GetFileName(file), ["path"] = file };
        WheelFile wheel;
        try
        {
            wheel = WheelFile.Read(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            entry["error"] = e.Message;
            entry["problems"] = new JsonArray("unreadable");
            return entry;
        }

        var problems = new JsonArray();
        entry["name"] = wheel.Name;
        entry["version"] = wheel.Version;
        entry["tags"] = new JsonArray([.. wheel.Tags.Select(t => (JsonNode?)t)]);
        entry["requires_python"] = wheel.RequiresPython;
        entry["entry_point_groups"] = new JsonArray([.. wheel.EntryPointGroups.Select(g => (JsonNode?)g)]);
        if (target.EntryPointGroup is { } group)
        {
            var has = wheel.EntryPointGroups.Contains(group, StringComparer.Ordinal);
            entry["has_entry_point"] = has;
            Add(problems, !has, "missing-entry-point");
        }

        var python = PythonCompatible(wheel, target.Python);
        entry["python_compatible"] = python;
        Add(problems, python == false, "wrong-python");
        var platform = wheel.Tags.Any(t => PlatformFits(t.Split('-').Last(), target.Platform));
        entry["platform_compatible"] = platform;
        Add(problems, !platform, "arch-mismatch");
        var conflicts = new JsonArray();
        foreach (var requirement in wheel.Requires)
        {
            if (requirement.Specifier.Length == 0 || requirement.Marker?.Contains("extra", StringComparison.Ordinal) == true
                || target.Installed?.GetValueOrDefault(Pep440.Normalize(requirement.Name)) is not { } installed
                || Pep440.Satisfies(installed, requirement.Specifier) != false)
            {
                continue;
            }

            conflicts.Add(new JsonObject { ["name"] = requirement.Name, ["requires"] = requirement.Specifier, ["installed"] = installed });
        }

        entry["requires"] = new JsonArray([.. wheel.Requires.Select(r => (JsonNode?)(r.Name + (r.Specifier.Length > 0 ? " " + r.Specifier : "")))]);
        entry["conflicts"] = conflicts;
        Add(problems, conflicts.Count > 0, "dependency-conflict");
        entry["problems"] = problems;
        return entry;
    }

    private static void Add(JsonArray problems, bool when, string problem)
    {
        if (when)
        {
            problems.Add(problem);
        }
    }

    /// <summary>Whether some tag's Python and ABI fit the interpreter and Requires-Python allows it (null: no target given).</summary>
    public static bool? PythonCompatible(WheelFile wheel, string? python)
    {
        if (python is null || Pep440.Release(python) is not { } version)
        {
            return null;
        }

        if (wheel.RequiresPython is { Length: > 0 } spec && Pep440.Satisfies(python, spec) == false)
        {
            return false;
        }

        return wheel.Tags.Any(t => TagFits(t, version));
    }

    private static bool TagFits(string tag, int[] version)
    {
        var parts = tag.Split('-');
        if (parts.Length != 3)
        {
            return false;
        }

        var (py, abi) = (parts[0], parts[1]);
        if (py is "py3" || py == $"py{version[0]}")
        {
            return true;
        }

        var minor = version.Length > 1 ? version[1] : 0;
        if (py.StartsWith("py", StringComparison.Ordinal) || py.StartsWith("cp", StringComparison.Ordinal))
        {
            var digits = py[2..];
            if (digits.Length < 2 || !int.TryParse(digits[1..], out var tagMinor) || digits[0] - '0' != version[0])
            {
                return false;
            }

            // abi3 wheels load into that CPython and every later 3.x; others only into the very version they name.
            return abi == "abi3" ? tagMinor <= minor : tagMinor == minor;
        }

        return false;
    }

    private static bool PlatformFits(string platform, string arch) =>
        platform == "any"
        || ((platform.StartsWith("linux_", StringComparison.Ordinal) || platform.StartsWith("manylinux", StringComparison.Ordinal)
             || platform.StartsWith("musllinux", StringComparison.Ordinal))
            && platform.EndsWith("_" + arch, StringComparison.Ordinal));
}
