using Medic.Probes.Nginx;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

public sealed class StubStatusTests
{
    [Fact]
    public void Reads_the_page_nginx_writes()
    {
        var status = StubStatus.Parse("Active connections: 291 \nserver accepts handled requests\n 16630948 16630900 31070465 \nReading: 6 Writing: 179 Waiting: 106 \n");

        status.ShouldBe(new StubStatus(291, 16630948, 16630900, 31070465, 6, 179, 106));
        status!.Dropped.ShouldBe(48);
    }

    [Fact]
    public void Anything_else_is_not_a_status_page()
    {
        StubStatus.Parse("<html><body>Welcome to nginx!</body></html>").ShouldBeNull();
    }
}
