using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Yaml;
using Medic.Knowledge.Runbooks;
using YamlDotNet.RepresentationModel;

namespace Medic.Knowledge.RunbookTests;

/// <summary>Reads the fixture cases declared beside runbooks in <c>*.tests.yaml</c> files.</summary>
public static class RunbookTestLoader
{
    public static IReadOnlyList<RunbookTestCase> Load(IEnumerable<RunbookSource> sources)
    {
        var errors = new List<InputError>();
        var cases = new List<RunbookTestCase>();
        foreach (var source in sources.Where(s => s.IsTestFile))
        {
            try
            {
                var file = YamlFile.Parse(source.Path, source.Text);
                foreach (var doc in file.Documents)
                {
                    ReadFile(file, doc.RootNode, errors, cases);
                }
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : cases;
    }

    private static void ReadFile(YamlFile file, YamlNode node, List<InputError> errors, List<RunbookTestCase> cases)
    {
        if (YamlMap.From(file, node, errors, "a runbook test file") is not { } map)
        {
            return;
        }

        map.RejectUnknown("field", ["runbook", "component", "cases"]);
        var runbook = map.String("runbook", required: true) ?? "";
        var component = map.Get("component") is { } c ? YamlJson.ToJson(c) as JsonObject ?? [] : [];
        if (map.Get("cases", required: true) is not YamlSequenceNode seq)
        {
            return;
        }

        foreach (var item in seq.Children)
        {
            if (YamlMap.From(file, item, errors, "a test case") is not { } tc)
            {
                continue;
            }

            tc.RejectUnknown("test case field", ["name", "component", "observations", "expect"]);
            var settings = (JsonObject)component.DeepClone();
            if (tc.Get("component") is { } own && YamlJson.ToJson(own) is JsonObject o)
            {
                foreach (var (k, v) in o)
                {
                    settings[k] = v?.DeepClone();
                }
            }

            var observations = new Dictionary<string, Observation>(StringComparer.Ordinal);
            if (tc.Get("observations") is { } obsNode && YamlJson.ToJson(obsNode) is JsonObject obs)
            {
                foreach (var (check, value) in obs)
                {
                    observations[check] = ToObservation(check, value as JsonObject ?? []);
                }
            }

            var expected = tc.Scalars("expect", required: true).Select(s => s.Value ?? "").ToList();
            cases.Add(new RunbookTestCase(runbook, tc.String("name", required: true) ?? "", settings, observations, expected, file.PositionOf(item)));
        }
    }

    private static Observation ToObservation(string check, JsonObject o)
    {
        var status = (o["status"]?.ToString() ?? "ok") switch
        {
            "error" => ObservationStatus.Error,
            "timeout" => ObservationStatus.Timeout,
            _ => ObservationStatus.Ok,
        };
        var error = o["error"] is JsonObject e ? new ProbeError(e["kind"]?.ToString() ?? ErrorKinds.Internal, e["message"]?.ToString() ?? "") : null;
        return new Observation(check, "fixture", [], DateTimeOffset.UnixEpoch, 0, status, o["data"]?.DeepClone(), error);
    }
}
