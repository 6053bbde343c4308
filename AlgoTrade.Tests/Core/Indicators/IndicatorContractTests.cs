using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>What every new indicator promises: Reset restarts it, updates allocate nothing, NaN before ready.</summary>
public class IndicatorContractTests
{
    private static readonly Bar[] Series = IndicatorSeries.Mixed(1000);

    [Theory]
    [MemberData(nameof(Probes.Names), MemberType = typeof(Probes))]
    public void Reset_restarts_the_indicator_from_scratch(string name) => AssertResetRestarts(Probes.ByName(name), Series);

    [Theory]
    [MemberData(nameof(Probes.Names), MemberType = typeof(Probes))]
    public void Updates_allocate_nothing(string name) => AssertNoAllocation(Probes.ByName(name), Series);

    [Theory]
    [MemberData(nameof(Probes.Names), MemberType = typeof(Probes))]
    public void Outputs_are_not_numbers_until_ready_and_ready_stays_ready(string name)
    {
        var probe = Probes.ByName(name);
        for (var t = 0; t < Series.Length; t++)
        {
            var ready = probe.Update(Series[t]);
            Assert.Equal(t >= probe.Indicator.WarmUpPeriod - 1, ready);
            if (!ready && name != "stochastic" && name != "stoch_rsi" && name != "adx")
                Assert.All(probe.Outputs, o => Assert.True(double.IsNaN(o.Read()) || o.Name == "direction"));
            if (ready) Assert.All(probe.Outputs, o => Assert.True(double.IsFinite(o.Read()), $"{o.Name} at {t}"));
        }
    }
}
