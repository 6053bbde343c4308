using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlgoTrade.Tests.Admin;

public class ActivityLogQueryTests(ExplorerDatabase data) : IClassFixture<ExplorerDatabase>
{
    private async Task<List<long>> WalkAsync(ActivityLogFilter filter, int pageSize)
    {
        var ids = new List<long>();
        ActivityLogCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await data.Query.PageAsync(filter, cursor, pageSize);
            Assert.True(page.Rows.Count <= pageSize);
            if (page.Next is not null) Assert.Equal(pageSize, page.Rows.Count);
            ids.AddRange(page.Rows.Select(r => r.Id));
            cursor = page.Next;
            Assert.True(++pages <= ExplorerDatabase.RowCount, "paging did not terminate");
        } while (cursor is not null);
        return ids;
    }

    [Fact]
    public async Task First_page_is_newest_first_with_timestamp_ties_broken_by_id()
    {
        var page = await data.Query.PageAsync(ActivityLogFilter.None, null, 50);
        Assert.Equal(data.Expected(_ => true).Take(50), page.Rows.Select(r => r.Id));
        // Four rows share each second, so the page really contains ties that only the id orders.
        Assert.Contains(page.Rows.GroupBy(r => r.Timestamp), g => g.Count() > 1);
        Assert.NotNull(page.Next);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(419)]
    public async Task Walking_keyset_pages_returns_every_row_once_in_order(int pageSize)
    {
        var ids = await WalkAsync(ActivityLogFilter.None, pageSize);
        Assert.Equal(data.Expected(_ => true), ids);
        Assert.Equal(ExplorerDatabase.RowCount, ids.Distinct().Count());
    }

    public static TheoryData<string> FilterCases => new()
    {
        "user", "bot", "level", "from", "to", "range", "text", "user+level", "bot+level", "bot+level+range", "user+text", "all",
    };

    private (ActivityLogFilter Filter, Func<BotActivityLog, bool> Predicate) Case(string name)
    {
        var from = ExplorerDatabase.Start.AddSeconds(20);
        var to = ExplorerDatabase.Start.AddSeconds(70);
        return name switch
        {
            "user" => (new() { UserId = data.Alice.Id }, r => r.UserId == data.Alice.Id),
            "bot" => (new() { BotId = data.BobSol.Id }, r => r.BotConfigId == data.BobSol.Id),
            "level" => (new() { Level = ActivityLogLevel.Warning }, r => r.LogLevel == ActivityLogLevel.Warning),
            "from" => (new() { From = from }, r => r.Timestamp >= from),
            "to" => (new() { To = to }, r => r.Timestamp < to),
            "range" => (new() { From = from, To = to }, r => r.Timestamp >= from && r.Timestamp < to),
            "text" => (new() { Text = "insufficient BALANCE" }, r => r.Message.Contains("Insufficient balance", StringComparison.Ordinal)),
            "user+level" => (new() { UserId = data.Alice.Id, Level = ActivityLogLevel.Error }, r => r.UserId == data.Alice.Id && r.LogLevel == ActivityLogLevel.Error),
            "bot+level" => (new() { BotId = data.AliceEth.Id, Level = ActivityLogLevel.Error }, r => r.BotConfigId == data.AliceEth.Id && r.LogLevel == ActivityLogLevel.Error),
            "bot+level+range" => (new() { BotId = data.AliceBtc.Id, Level = ActivityLogLevel.Info, From = from, To = to },
                r => r.BotConfigId == data.AliceBtc.Id && r.LogLevel == ActivityLogLevel.Info && r.Timestamp >= from && r.Timestamp < to),
            "user+text" => (new() { UserId = data.Bob.Id, Text = "latency" }, r => r.UserId == data.Bob.Id && r.Message.Contains("latency", StringComparison.Ordinal)),
            "all" => (new() { UserId = data.Alice.Id, BotId = data.AliceBtc.Id, Level = ActivityLogLevel.Error, From = from, To = to, Text = "rejected" },
                r => r.BotConfigId == data.AliceBtc.Id && r.LogLevel == ActivityLogLevel.Error && r.Timestamp >= from && r.Timestamp < to && r.Message.Contains("rejected", StringComparison.Ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Every_filter_and_combination_returns_exactly_the_matching_rows_across_pages(string name)
    {
        var (filter, predicate) = Case(name);
        var expected = data.Expected(predicate);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < ExplorerDatabase.RowCount, "the filter must actually narrow the rows");

        Assert.Equal(expected, await WalkAsync(filter, 4));
        var streamed = new List<long>();
        await foreach (var row in data.Query.StreamAsync(filter)) streamed.Add(row.Id);
        Assert.Equal(expected, streamed);
    }

    [Fact]
    public async Task Text_search_treats_percent_and_underscore_literally()
    {
        var literal = await data.Query.PageAsync(new ActivityLogFilter { Text = "50%_off" }, null, 500);
        Assert.Equal(data.Expected(r => r.Message.Contains("50%_off", StringComparison.Ordinal)), literal.Rows.Select(r => r.Id));
        Assert.DoesNotContain(literal.Rows, r => r.Message.Contains("50x_off", StringComparison.Ordinal));
        Assert.Contains(data.Rows, r => r.Message.Contains("50x_off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_carry_owner_email_bot_name_and_details_json()
    {
        var page = await data.Query.PageAsync(new ActivityLogFilter { BotId = data.BobSol.Id }, null, 500);
        Assert.All(page.Rows, r =>
        {
            Assert.Equal(data.Bob.Email, r.UserEmail);
            Assert.Equal("Bob SOL", r.BotName);
        });
        var withDetails = page.Rows.First(r => r.DetailsJson is not null);
        using var doc = System.Text.Json.JsonDocument.Parse(withDetails.DetailsJson!);
        Assert.True(doc.RootElement.TryGetProperty("price", out _));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("  x ")]
    public async Task Text_shorter_than_the_trigram_length_is_refused(string text)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => data.Query.PageAsync(new ActivityLogFilter { Text = text }, null, 10));
    }

    [Fact]
    public async Task An_unknown_level_or_an_empty_time_range_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => data.Query.PageAsync(new ActivityLogFilter { Level = (ActivityLogLevel)42 }, null, 10));
        var t = ExplorerDatabase.Start;
        await Assert.ThrowsAsync<ArgumentException>(() => data.Query.PageAsync(new ActivityLogFilter { From = t, To = t }, null, 10));
    }

    [Fact]
    public async Task Newest_after_returns_only_newer_matching_rows()
    {
        var threshold = data.Rows.Max(r => r.Id) - 60;
        var rows = await data.Query.NewestAfterAsync(new ActivityLogFilter { BotId = data.AliceEth.Id }, threshold, 1000);
        var expected = data.Rows.Where(r => r.Id > threshold && r.BotConfigId == data.AliceEth.Id).Select(r => r.Id).OrderByDescending(i => i);
        Assert.Equal(expected, rows.Select(r => r.Id));
        Assert.NotEmpty(rows);
    }

    [Fact]
    public async Task The_live_tail_delivers_a_row_whose_transaction_commits_after_a_newer_one()
    {
        var query = data.Query;
        var filter = new ActivityLogFilter { BotId = data.BobSol.Id, Text = "tail-test" };
        var tail = new ActivityLogTail(query, filter, await query.MaxIdAsync(), TimeProvider.System);
        Assert.Empty(await tail.PollAsync());

        await using var slow = new NpgsqlConnection(data.ConnectionString);
        await slow.OpenAsync();
        try
        {
            await using var slowTx = await slow.BeginTransactionAsync();
            var slowId = await InsertAsync(slow, "tail-test slow writer");
            await using (var fast = new NpgsqlConnection(data.ConnectionString))
            {
                await fast.OpenAsync();
                var fastId = await InsertAsync(fast, "tail-test fast writer");
                Assert.True(fastId > slowId);
                Assert.Equal([fastId], (await tail.PollAsync()).Select(r => r.Id));
            }
            await slowTx.CommitAsync();
            Assert.Equal([slowId], (await tail.PollAsync()).Select(r => r.Id));
            Assert.Empty(await tail.PollAsync());
        }
        finally
        {
            // The other tests of this class compare against the fixture's rows.
            await using var cleanup = new NpgsqlCommand("DELETE FROM bot_activity_logs WHERE message LIKE 'tail-test%'", slow);
            await cleanup.ExecuteNonQueryAsync();
        }

        async Task<long> InsertAsync(NpgsqlConnection connection, string message)
        {
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO bot_activity_logs (bot_config_id, user_id, \"timestamp\", log_level, message) VALUES ($1, $2, now(), 'INFO', $3) RETURNING id", connection);
            cmd.Parameters.AddWithValue(data.BobSol.Id);
            cmd.Parameters.AddWithValue(data.Bob.Id);
            cmd.Parameters.AddWithValue(message);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
    }
}
