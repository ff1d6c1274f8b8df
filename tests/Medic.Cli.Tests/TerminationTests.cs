using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary>The real executable, stopped the way a user or a service manager stops it.</summary>
public sealed class TerminationTests
{
    [Fact]
    public async Task A_termination_signal_stops_a_run_at_once_with_exit_130()
    {
        var ct = TestContext.Current.CancellationToken;
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                accepted.Add(await silent.AcceptSocketAsync(ct));
            }
        }, ct);
        using var folder = new TempFolder();
        var file = folder.Write("medic.yaml", $"system: shop\ncomponents:\n  api: {{ kind: http, url: 'http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}' }}\n");
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "medic"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "diagnose", "-f", file, "--probe-timeout", "60s", "--timeout", "120s" })
        {
            info.ArgumentList.Add(a);
        }

        using var medic = Process.Start(info)!;
        var stderr = medic.StandardError.ReadToEndAsync(ct);
        while (accepted.Count == 0 && !medic.HasExited)
        {
            await Task.Delay(50, ct);
        }

        using (var kill = Process.Start("kill", ["-TERM", medic.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        // Generous: the probe would otherwise wait 60 s for an answer that never comes.
        await medic.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(20), ct);
        medic.ExitCode.ShouldBe(130);
        (await stderr).ShouldContain("medic: cancelled");
        (await stderr).ShouldNotContain("   at ");
    }
}
