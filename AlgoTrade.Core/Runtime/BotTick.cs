using System.Text.Json;
using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Runtime;

/// <summary>What one tick collects before its single commit: the bot, its tracked state, new trades and log rows.</summary>
internal sealed class BotTick(BotConfig bot, BotState state, DateTime now)
{
    public BotConfig Bot { get; } = bot;
    public BotState State { get; } = state;
    public DateTime Now { get; } = now;
    public List<Trade> Trades { get; } = [];
    /// <summary>Rows that belong with this tick's decisions and commit in its transaction.</summary>
    public List<BotActivityLog> Logs { get; } = [];
    /// <summary>Routine rows written afterwards by the batched writer.</summary>
    public List<BotActivityLog> RoutineLogs { get; } = [];

    public void Log(string level, string message, object? details = null, bool routine = false)
    {
        var row = new BotActivityLog
        {
            BotConfigId = Bot.Id,
            UserId = Bot.UserId,
            Timestamp = Now,
            LogLevel = level,
            Message = message,
            Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
        };
        (routine ? RoutineLogs : Logs).Add(row);
    }
}
