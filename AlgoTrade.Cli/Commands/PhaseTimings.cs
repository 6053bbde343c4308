using System.Diagnostics;
using System.Globalization;

namespace AlgoTrade.Cli.Commands;

/// <summary>
/// With ALGOTRADE_TIMINGS=1 a command reports, on standard error, the wall and CPU time (all threads) since process
/// start at each phase: where bench/csv-backtest.sh's figure goes (docs/backtesting.md#speed).
/// </summary>
internal sealed class PhaseTimings
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly List<(string Phase, double WallMs, double CpuMs)> _marks = [];

    public static PhaseTimings? FromEnvironment() =>
        Environment.GetEnvironmentVariable("ALGOTRADE_TIMINGS") == "1" ? new PhaseTimings() : null;

    private PhaseTimings() => Mark("start");

    public void Mark(string phase)
    {
        _process.Refresh();
        _marks.Add((phase, (DateTime.Now - _process.StartTime).TotalMilliseconds, _process.TotalProcessorTime.TotalMilliseconds));
    }

    public void Report(TextWriter stderr)
    {
        var previous = (WallMs: 0.0, CpuMs: 0.0);
        foreach (var (phase, wall, cpu) in _marks)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing: {phase,-9} at {wall,7:0.0} ms wall, {cpu,7:0.0} ms cpu (+{wall - previous.WallMs:0.0} wall, +{cpu - previous.CpuMs:0.0} cpu)"));
            previous = (wall, cpu);
        }
    }
}
