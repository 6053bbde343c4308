using System.Diagnostics;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// Test only: kills this process (SIGKILL, as <c>kill -9</c> does) when a tick, a backtest job or a sweep chunk reaches the armed point, so a test can
/// prove that a crash at exactly that point loses and doubles nothing. The web host arms it from
/// <c>Runtime:CrashPoint</c> in the Testing environment only; nothing else arms it.
/// </summary>
public static class CrashPoint
{
    /// <summary>The order is written down in bot_state; the request has not left.</summary>
    public const string AfterCheckpoint = "after-checkpoint";
    /// <summary>The exchange accepted the order; the tick has not committed its trade.</summary>
    public const string AfterSend = "after-send";
    /// <summary>Inside the transaction that commits a trade, before it commits.</summary>
    public const string DuringCommit = "during-commit";
    /// <summary>A backtest job has just been marked running; its result is not computed yet.</summary>
    public const string BacktestRunning = "backtest-running";
    /// <summary>A sweep chunk has its candles; none of its points is evaluated yet.</summary>
    public const string SweepChunkEvaluating = "sweep-chunk-evaluating";
    /// <summary>A sweep chunk's evaluations are inserted in its transaction, which has not committed.</summary>
    public const string SweepChunkWriting = "sweep-chunk-writing";

    private static volatile string? _armed;

    public static void Arm(string? point) => _armed = string.IsNullOrWhiteSpace(point) ? null : point.Trim();

    internal static void Reached(string point)
    {
        if (_armed == point)
            Process.GetCurrentProcess().Kill();
    }
}
