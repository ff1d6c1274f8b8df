namespace Medic.Probes.Tests.Prometheus;

/// <summary>Realistic metrics pages, in the shapes the Go client and node_exporter write.</summary>
internal static class Expositions
{
    public const string GoClient = """
        # HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.
        # TYPE go_gc_duration_seconds summary
        go_gc_duration_seconds{quantile="0"} 2.9417e-05
        go_gc_duration_seconds{quantile="0.25"} 4.0125e-05
        go_gc_duration_seconds{quantile="0.5"} 5.1833e-05
        go_gc_duration_seconds{quantile="0.75"} 7.8958e-05
        go_gc_duration_seconds{quantile="1"} 0.000384417
        go_gc_duration_seconds_sum 0.012440294
        go_gc_duration_seconds_count 176
        # HELP go_goroutines Number of goroutines that currently exist.
        # TYPE go_goroutines gauge
        go_goroutines 42
        # HELP go_info Information about the Go environment.
        # TYPE go_info gauge
        go_info{version="go1.21.5"} 1
        # HELP http_request_duration_seconds A histogram of the request duration.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{handler="/api",le="0.05"} 24054
        http_request_duration_seconds_bucket{handler="/api",le="0.1"} 33444
        http_request_duration_seconds_bucket{handler="/api",le="0.2"} 100392
        http_request_duration_seconds_bucket{handler="/api",le="0.5"} 129389
        http_request_duration_seconds_bucket{handler="/api",le="1"} 133988
        http_request_duration_seconds_bucket{handler="/api",le="+Inf"} 144320
        http_request_duration_seconds_sum{handler="/api"} 53423
        http_request_duration_seconds_count{handler="/api"} 144320
        http_request_duration_seconds_bucket{handler="/health",le="0.05"} 100
        http_request_duration_seconds_bucket{handler="/health",le="0.1"} 100
        http_request_duration_seconds_bucket{handler="/health",le="0.2"} 100
        http_request_duration_seconds_bucket{handler="/health",le="0.5"} 100
        http_request_duration_seconds_bucket{handler="/health",le="1"} 100
        http_request_duration_seconds_bucket{handler="/health",le="+Inf"} 100
        http_request_duration_seconds_sum{handler="/health"} 1.5
        http_request_duration_seconds_count{handler="/health"} 100
        # HELP http_requests_total Requests by status code and method.
        # TYPE http_requests_total counter
        http_requests_total{code="200",method="get"} 1027
        http_requests_total{code="200",method="post"} 3
        http_requests_total{code="500",method="get"} 12
        http_requests_total{code="503",method="post"} 4
        http_requests_total{code="404",method="get"} 9
        # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
        # TYPE process_start_time_seconds gauge
        process_start_time_seconds 1.70123456789e+09
        # HELP process_max_fds Maximum number of open file descriptors.
        # TYPE process_max_fds gauge
        process_max_fds 1.048576e+06
        """;

    public const string NodeExporter = """
        # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
        # TYPE node_cpu_seconds_total counter
        node_cpu_seconds_total{cpu="0",mode="idle"} 345678.91
        node_cpu_seconds_total{cpu="0",mode="iowait"} 123.45
        node_cpu_seconds_total{cpu="0",mode="system"} 2345.6
        node_cpu_seconds_total{cpu="1",mode="idle"} 345000.01
        node_cpu_seconds_total{cpu="1",mode="iowait"} 98.7
        node_cpu_seconds_total{cpu="1",mode="system"} 2222.2
        # HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
        # TYPE node_filesystem_avail_bytes gauge
        node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.2345678848e+10
        node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 8.27392e+08
        # HELP node_load1 1m load average.
        # TYPE node_load1 gauge
        node_load1 0.73
        # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
        # TYPE node_network_receive_bytes_total counter
        node_network_receive_bytes_total{device="eth0"} 9.87654321e+08
        node_network_receive_bytes_total{device="lo"} 123456
        # HELP node_scrape_collector_success node_exporter: Whether a collector succeeded.
        # TYPE node_scrape_collector_success gauge
        node_scrape_collector_success{collector="cpu"} 1
        node_scrape_collector_success{collector="textfile"} 0
        # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
        # TYPE node_textfile_scrape_error gauge
        node_textfile_scrape_error 0
        # A free-form comment a textfile collector left behind.
        backup_last_success_timestamp_seconds{job="nightly"} 1.7e+09 1700000000000
        """;
}
