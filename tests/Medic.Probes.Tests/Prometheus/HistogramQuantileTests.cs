using Medic.Probes.Prometheus;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

/// <summary>histogram_quantile against values worked out by hand from the PromQL definition.</summary>
public sealed class HistogramQuantileTests
{
    // 10 observations ≤ 1, 10 more ≤ 2, 20 more ≤ 4, none above.
    private static readonly Bucket[] Even = [new(1, 10), new(2, 20), new(4, 40), new(double.PositiveInfinity, 40)];

    [Theory]
    [InlineData(0.0, 0.0)]     // rank 0 lands in the first bucket, interpolated from 0
    [InlineData(0.25, 1.0)]    // rank 10: the top of the first bucket
    [InlineData(0.5, 2.0)]     // rank 20: the top of the second bucket
    [InlineData(0.75, 3.0)]    // rank 30: 10 of the 20 in (2, 4] → 2 + 2 × 0.5
    [InlineData(0.99, 3.96)]   // rank 39.6: 19.6 of 20 in (2, 4] → 2 + 2 × 0.98
    [InlineData(1.0, 4.0)]
    public void Interpolates_linearly_within_the_bucket_holding_the_rank(double q, double expected)
    {
        HistogramQuantile.Compute(q, Even).ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Answers_the_highest_finite_bound_when_the_rank_is_in_the_inf_bucket()
    {
        Bucket[] buckets = [new(1, 10), new(4, 40), new(double.PositiveInfinity, 50)];
        HistogramQuantile.Compute(0.9, buckets).ShouldBe(4);   // rank 45 > 40
        HistogramQuantile.Compute(0.8, buckets).ShouldBe(4);   // rank 40: the top of (1, 4]
    }

    [Fact]
    public void Matches_the_prometheus_documentation_histogram()
    {
        var series = PrometheusTextParser.Parse(Expositions.GoClient).Find("http_request_duration_seconds")!.Histograms()[0];

        // rank 72160 falls in (0.1, 0.2]: 72160 − 33444 = 38716 of the 100392 − 33444 = 66948 there.
        series.Quantile(0.5).ShouldBe(0.1 + (0.1 * 38716 / 66948), 1e-12);
        series.Quantile(0.5).ShouldBe(0.15783, 1e-5);

        // rank 129888 falls in (0.5, 1]: 129888 − 129389 = 499 of 133988 − 129389 = 4599 there.
        series.Quantile(0.9).ShouldBe(0.5 + (0.5 * 499 / 4599), 1e-12);

        // rank 142876.8 is above the 133988 at le=1, so the answer is the highest finite bound.
        series.Quantile(0.99).ShouldBe(1);
    }

    [Fact]
    public void Sorts_buckets_and_adds_up_buckets_with_the_same_bound()
    {
        // Two series of the same histogram, summed by le, in shuffled order.
        Bucket[] buckets = [new(double.PositiveInfinity, 20), new(2, 10), new(1, 5), new(double.PositiveInfinity, 20), new(1, 5), new(2, 10)];
        HistogramQuantile.Compute(0.5, buckets).ShouldBe(2, 1e-12); // le 1: 10, le 2: 20, +Inf: 40; rank 20 is the top of (1, 2]
    }

    [Fact]
    public void Repairs_counts_that_dip_between_buckets()
    {
        Bucket[] buckets = [new(1, 10), new(2, 8), new(double.PositiveInfinity, 20)];
        HistogramQuantile.Compute(0.5, buckets).ShouldBe(1);   // (2] is raised to 10, rank 10 is the top of (0, 1]
    }

    [Fact]
    public void Answers_the_first_bound_when_it_is_not_positive()
    {
        Bucket[] buckets = [new(-1, 5), new(0, 10), new(double.PositiveInfinity, 10)];
        HistogramQuantile.Compute(0.2, buckets).ShouldBe(-1);
    }

    [Fact]
    public void Has_no_answer_without_observations_an_inf_bucket_or_two_buckets()
    {
        double.IsNaN(HistogramQuantile.Compute(0.5, [new(1, 0), new(double.PositiveInfinity, 0)])).ShouldBeTrue();
        double.IsNaN(HistogramQuantile.Compute(0.5, [new(1, 5), new(2, 10)])).ShouldBeTrue();
        double.IsNaN(HistogramQuantile.Compute(0.5, [new(double.PositiveInfinity, 10)])).ShouldBeTrue();
        double.IsNaN(HistogramQuantile.Compute(0.5, [])).ShouldBeTrue();
        double.IsNaN(HistogramQuantile.Compute(double.NaN, Even)).ShouldBeTrue();
    }

    [Fact]
    public void Answers_infinities_for_quantiles_outside_zero_to_one()
    {
        HistogramQuantile.Compute(-0.1, Even).ShouldBe(double.NegativeInfinity);
        HistogramQuantile.Compute(1.1, Even).ShouldBe(double.PositiveInfinity);
    }
}
