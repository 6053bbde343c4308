using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>A Serilog sink the app picks up from its services (ReadFrom.Services): every event at or above the app's minimum level, with its exception.</summary>
public sealed class SerilogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string Describe(LogEvent e) =>
        $"{e.Level} {(e.Properties.TryGetValue("SourceContext", out var source) ? source.ToString() : "")}: {e.RenderMessage()} {e.Exception}";
}
