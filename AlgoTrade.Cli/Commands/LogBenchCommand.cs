using System.Diagnostics;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Cli.Commands;

/// <summary>
/// `logs bench`: runs every shape of explorer query through <see cref="ActivityLogQuery"/> (the code the page uses) and
/// prints the median and worst time of the first page, of the page reached by walking --pages keyset pages, and of a
/// page that starts 90% of the way back in time. Subjects (busiest and quietest user and bot) are picked from the data.
/// </summary>
internal static class LogBenchCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        var runs = args.GetInt("runs", 5);
        var pageSize = args.GetInt("page-size", 50);
        var pages = args.GetInt("pages", 100);
        await using var services = CliServices.Build(args);
        args.EnsureNoUnknownOptions();
        if (runs < 1 || pageSize < 1 || pages < 1) throw new CliException("--runs, --page-size and --pages must be positive.");

        var dbFactory = services.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>();
        var query = ActivatorUtilities.CreateInstance<ActivityLogQuery>(services);
        var subjects = await PickSubjectsAsync(dbFactory, ct);
        if (subjects is null)
        {
            await stdout.WriteLineAsync("The activity log is empty: seed it first with `logs seed`.");
            return 1;
        }
        var s = subjects;
        await stdout.WriteLineAsync($"{s.Rows:N0} rows; busiest user {s.BusyUser} ({s.BusyUserRows:N0} rows), quietest user {s.QuietUser} ({s.QuietUserRows:N0}), " +
                                    $"busiest bot {s.BusyBot} ({s.BusyBotRows:N0}), quietest bot {s.QuietBot} ({s.QuietBotRows:N0}) of user {s.QuietBotOwner}");
        await stdout.WriteLineAsync($"page size {pageSize}, {runs} runs each; deep = page {pages} reached by keyset walking; old = page starting 90% back in time");
        await stdout.WriteLineAsync();

        var span = s.Newest - s.Oldest;
        var mid = s.Oldest + span / 2;
        var day = TimeSpan.FromDays(1);
        var scenarios = new (string Name, ActivityLogFilter Filter)[]
        {
            ("no filter", new()),
            ("level ERROR", new() { Level = ActivityLogLevel.Error }),
            ("level DEBUG", new() { Level = ActivityLogLevel.Debug }),
            ("busiest user", new() { UserId = s.BusyUser }),
            ("quietest user", new() { UserId = s.QuietUser }),
            ("quietest user + WARNING", new() { UserId = s.QuietUser, Level = ActivityLogLevel.Warning }),
            ("busiest bot", new() { BotId = s.BusyBot }),
            ("quietest bot", new() { BotId = s.QuietBot }),
            ("busiest bot + ERROR", new() { BotId = s.BusyBot, Level = ActivityLogLevel.Error }),
            ("quietest bot + ERROR", new() { BotId = s.QuietBot, Level = ActivityLogLevel.Error }),
            ("last 24 h", new() { From = s.Newest - day }),
            ("one day mid-range", new() { From = mid, To = mid + day }),
            ("busiest user + one day mid-range", new() { UserId = s.BusyUser, From = mid, To = mid + day }),
            ("quietest bot + ERROR + last 30 days", new() { BotId = s.QuietBot, Level = ActivityLogLevel.Error, From = s.Newest - 30 * day }),
            ("text 'insufficient balance'", new() { Text = "insufficient balance" }),
            ("text 'timeout'", new() { Text = "timeout" }),
            ("text 'no signal' (common)", new() { Text = "no signal" }),
            ("text matching nothing", new() { Text = "no such message zq" }),
            ("text 'recvWindow' + quietest bot", new() { Text = "recvWindow", BotId = s.QuietBot }),
            ("text 'latency' + busiest user", new() { Text = "latency", UserId = s.BusyUser }),
            ("text 'partially' + quietest user + WARNING", new() { Text = "partially", UserId = s.QuietUser, Level = ActivityLogLevel.Warning }),
            ("text 'latency' + one day mid-range", new() { Text = "latency", From = mid, To = mid + day }),
            ("all: user, bot, level, 30 days, text", new() { UserId = s.QuietBotOwner, BotId = s.QuietBot, Level = ActivityLogLevel.Error, From = s.Newest - 30 * day, Text = "balance" }),
        };

        await stdout.WriteLineAsync($"{"query",-44} {"first",8} {"deep",8} {"old",8} {"worst",8}  deep page #");
        var worstOverall = 0.0;
        var allTimings = new List<double>();
        foreach (var (name, filter) in scenarios)
        {
            // One untimed run first: EF compiles each query shape once per process, which a running app has long done.
            await query.PageAsync(filter, null, pageSize, ct);
            var first = await TimeAsync(() => query.PageAsync(filter, null, pageSize, ct), runs);

            // Walk to the deep page without timing the walk itself, then time that page's query.
            ActivityLogCursor? cursor = null;
            var reached = 1;
            ActivityLogCursor? deepCursor = null;
            var page = await query.PageAsync(filter, null, pageSize, ct);
            while (reached < pages && page.Next is { } next)
            {
                deepCursor = next;
                cursor = next;
                page = await query.PageAsync(filter, cursor, pageSize, ct);
                reached++;
            }
            var deep = deepCursor is { } dc ? await TimeAsync(() => query.PageAsync(filter, dc, pageSize, ct), runs) : first;

            var oldCursor = new ActivityLogCursor(s.Oldest + span / 10, long.MaxValue);
            var old = await TimeAsync(() => query.PageAsync(filter, oldCursor, pageSize, ct), runs);

            var worst = new[] { first.Max, deep.Max, old.Max }.Max();
            worstOverall = Math.Max(worstOverall, worst);
            allTimings.AddRange([first.Median, deep.Median, old.Median]);
            await stdout.WriteLineAsync($"{name,-44} {first.Median,8:F1} {deep.Median,8:F1} {old.Median,8:F1} {worst,8:F1}  {reached}");
        }
        allTimings.Sort();
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"medians in ms; slowest median {allTimings[^1]:F1} ms, slowest single run {worstOverall:F1} ms, {Environment.ProcessorCount} cores");
        return 0;
    }

    private static async Task<(double Median, double Max)> TimeAsync(Func<Task<ActivityLogPage>> run, int runs)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[runs / 2], times[^1]);
    }

    private sealed record Subjects(long Rows, DateTime Oldest, DateTime Newest, int BusyUser, long BusyUserRows, int QuietUser, long QuietUserRows,
        int BusyBot, long BusyBotRows, int QuietBot, long QuietBotRows, int QuietBotOwner);

    private static async Task<Subjects?> PickSubjectsAsync(IDbContextFactory<AlgoTradeDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var perBot = await db.BotActivityLogs.GroupBy(l => new { l.BotConfigId, l.UserId })
            .Select(g => new { g.Key.BotConfigId, g.Key.UserId, Rows = (long)g.Count() }).ToListAsync(ct);
        if (perBot.Count == 0) return null;
        var perUser = perBot.GroupBy(b => b.UserId).Select(g => (UserId: g.Key, Rows: g.Sum(b => b.Rows))).OrderBy(u => u.Rows).ToList();
        var bots = perBot.OrderBy(b => b.Rows).ToList();
        var oldest = await db.BotActivityLogs.MinAsync(l => l.Timestamp, ct);
        var newest = await db.BotActivityLogs.MaxAsync(l => l.Timestamp, ct);
        return new Subjects(perBot.Sum(b => b.Rows), oldest, newest,
            perUser[^1].UserId, perUser[^1].Rows, perUser[0].UserId, perUser[0].Rows,
            bots[^1].BotConfigId, bots[^1].Rows, bots[0].BotConfigId, bots[0].Rows, bots[0].UserId);
    }
}
