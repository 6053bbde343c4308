using System.Diagnostics;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Queue = AlgoTrade.Core.WorkQueue.WorkQueue;

namespace AlgoTrade.Tests.WorkQueue;

/// <summary>
/// The PostgreSQL work queue with two "nodes" (two service graphs with their own node ids) on a database of its own:
/// claiming, leases and their take-over, give-up, cancel, fairness between users.
/// </summary>
public class WorkQueueTests : IAsyncLifetime
{
    private FreshDatabase _database = default!;
    private readonly List<ServiceProvider> _nodes = [];
    private int _alice;
    private int _bob;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        await DatabaseSetup.MigrateAsync(db);
        var a = Node("a");
        _alice = await BotFixtures.NewUserAsync(a, "wq-alice");
        _bob = await BotFixtures.NewUserAsync(a, "wq-bob");
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ServiceProvider Node(string name, double leaseSeconds = 30, int maxAttempts = 3) =>
        Track(CoreServices.Build(_database.ConnectionString, s => s.AddWorkItemHandler<RecordingWorkHandler>(), new Dictionary<string, string?>
        {
            ["WorkQueue:NodeId"] = name,
            ["WorkQueue:LeaseDuration"] = TimeSpan.FromSeconds(leaseSeconds).ToString(),
            ["WorkQueue:HeartbeatInterval"] = "00:00:00.200",
            ["WorkQueue:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

    private ServiceProvider Track(ServiceProvider node)
    {
        _nodes.Add(node);
        return node;
    }

    private async Task<List<long>> EnqueueAsync(ServiceProvider node, int userId, int count, bool hold = false, Guid? jobId = null)
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var queue = node.GetRequiredService<Queue>();
        var items = Enumerable.Range(0, count)
            .Select(_ => queue.Enqueue(db, RecordingWorkHandler.WorkKind, jobId ?? Guid.CreateVersion7(), userId, new TestPayload(hold))).ToList();
        await db.SaveChangesAsync();
        return items.Select(i => i.Id).ToList();
    }

    private async Task<WorkItem> ItemAsync(long id)
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        return await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    [Fact]
    public async Task Two_nodes_claiming_at_once_run_every_item_exactly_once()
    {
        var a = Node("a");
        var b = Node("b");
        var ids = await EnqueueAsync(a, _alice, 40);

        async Task DrainAsync(ServiceProvider node)
        {
            var runner = node.GetRequiredService<WorkItemRunner>();
            while (await runner.TryRunNextAsync(CancellationToken.None)) { }
        }
        await Task.WhenAll(DrainAsync(a), DrainAsync(b), DrainAsync(a), DrainAsync(b));

        var ran = a.GetRequiredService<RecordingWorkHandler>().Ran.Concat(b.GetRequiredService<RecordingWorkHandler>().Ran).ToList();
        Assert.Equal(ids.Order(), ran.Select(r => r.ItemId).Order());
        Assert.Contains(ran, r => r.Node == "a");
        Assert.Contains(ran, r => r.Node == "b");
        foreach (var id in ids)
        {
            var item = await ItemAsync(id);
            Assert.Equal(WorkItemStatus.Done, item.Status);
            Assert.Equal(1, item.Attempts);
            Assert.Equal(1.0, item.Progress);
        }
    }

    [Fact]
    public async Task An_item_whose_node_died_is_claimed_again_after_its_lease_and_the_dead_node_can_no_longer_finish_it()
    {
        var dead = Node("dead", leaseSeconds: 1);
        var survivor = Node("survivor", leaseSeconds: 1);
        var id = (await EnqueueAsync(dead, _alice, 1)).Single();

        // "dead" claims and then never beats again: what a SIGKILL leaves behind.
        var claimed = await dead.GetRequiredService<WorkItemRunner>().TryClaimAsync(CancellationToken.None);
        Assert.Equal(id, claimed!.Id);
        Assert.Null(await survivor.GetRequiredService<WorkItemRunner>().TryClaimAsync(CancellationToken.None));

        var lease = Stopwatch.StartNew();
        while (!await survivor.GetRequiredService<WorkItemRunner>().TryRunNextAsync(CancellationToken.None))
        {
            Assert.True(lease.Elapsed < TimeSpan.FromSeconds(15), "the expired lease was never taken over");
            await Task.Delay(100);
        }
        Assert.True(lease.Elapsed >= TimeSpan.FromSeconds(0.5), "taken over before the lease ran out");
        var (ranId, node, attempt) = Assert.Single(survivor.GetRequiredService<RecordingWorkHandler>().Ran);
        Assert.Equal((id, "survivor", 2), (ranId, node, attempt));
        var item = await ItemAsync(id);
        Assert.Equal((WorkItemStatus.Done, "survivor", 2), (item.Status, item.ClaimedBy, item.Attempts));

        // The dead node's late finish (a process that was only frozen) changes nothing.
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var late = new WorkItemContext(claimed, "dead", new Progress<double>());
        Assert.False(await late.TryFailAsync(db, "late", CancellationToken.None));
        Assert.Equal(WorkItemStatus.Done, (await ItemAsync(id)).Status);
    }

    [Fact]
    public async Task An_item_whose_nodes_keep_dying_is_given_up_with_a_clear_error()
    {
        var node = Node("n", leaseSeconds: 0.5, maxAttempts: 1);
        var id = (await EnqueueAsync(node, _alice, 1)).Single();
        var runner = node.GetRequiredService<WorkItemRunner>();
        Assert.NotNull(await runner.TryClaimAsync(CancellationToken.None));

        var wait = Stopwatch.StartNew();
        while (!await runner.TryRunNextAsync(CancellationToken.None))
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(15));
            await Task.Delay(100);
        }

        var handler = node.GetRequiredService<RecordingWorkHandler>();
        Assert.Empty(handler.Ran);
        var (gaveUpId, reason) = Assert.Single(handler.GaveUp);
        Assert.Equal(id, gaveUpId);
        var item = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.Failed, item.Status);
        Assert.Equal("Gave up after 1 attempts: the server running it stopped each time.", item.Error);
        Assert.Equal(reason, item.Error);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_its_handler_within_moments_on_the_node_running_it()
    {
        var runnerNode = Node("runner");
        var other = Node("other");
        // The runner node listens like a real node: the cancel arrives as a NOTIFY.
        foreach (var hosted in runnerNode.GetServices<IHostedService>().OfType<WorkQueueListener>())
            await hosted.StartAsync(CancellationToken.None);
        var jobId = Guid.CreateVersion7();
        var id = (await EnqueueAsync(runnerNode, _alice, 1, hold: true, jobId: jobId)).Single();
        var handler = runnerNode.GetRequiredService<RecordingWorkHandler>();
        var run = runnerNode.GetRequiredService<WorkItemRunner>().TryRunNextAsync(CancellationToken.None);
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(await other.GetRequiredService<Queue>().CancelJobAsync(jobId, _bob, "not bob's"));
        var cancelled = Stopwatch.StartNew();
        Assert.True(await other.GetRequiredService<Queue>().CancelJobAsync(jobId, _alice, "Cancelled by its owner."));

        Assert.True(await handler.StoppedByToken.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(cancelled.Elapsed < TimeSpan.FromSeconds(5), $"the handler stopped {cancelled.Elapsed.TotalSeconds:0.0} s after the cancel");
        var item = await ItemAsync(id);
        Assert.Equal((WorkItemStatus.Cancelled, "Cancelled by its owner."), (item.Status, item.Error));
        Assert.Equal([jobId], other.GetRequiredService<RecordingWorkHandler>().CancelledJobs);
        Assert.False(await other.GetRequiredService<Queue>().CancelJobAsync(jobId, _alice, "again"));
        foreach (var hosted in runnerNode.GetServices<IHostedService>().OfType<WorkQueueListener>())
            await hosted.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_user_with_items_running_waits_behind_a_user_with_none_even_when_their_items_are_older()
    {
        var node = Node("fair");
        var aliceItems = await EnqueueAsync(node, _alice, 5);
        var bobItem = (await EnqueueAsync(node, _bob, 1)).Single();
        var runner = node.GetRequiredService<WorkItemRunner>();

        var first = await runner.TryClaimAsync(CancellationToken.None);
        var second = await runner.TryClaimAsync(CancellationToken.None);
        var third = await runner.TryClaimAsync(CancellationToken.None);

        // Nobody runs anything: the oldest item goes first. Then Alice has one running and Bob none: Bob's.
        Assert.Equal(aliceItems[0], first!.Id);
        Assert.Equal(bobItem, second!.Id);
        Assert.Equal(aliceItems[1], third!.Id);
    }

    [Fact]
    public async Task The_job_limit_counts_jobs_not_items_and_holds_under_concurrent_submits()
    {
        var node = Track(CoreServices.Build(_database.ConnectionString, s => s.AddAlgoTradeWorkQueue(),
            new Dictionary<string, string?> { ["WorkQueue:MaxActiveJobsPerUser"] = "2" }));
        var queue = node.GetRequiredService<Queue>();
        // One job of three items counts once.
        await EnqueueAsync(node, _bob, 3, jobId: Guid.CreateVersion7());

        async Task<bool> SubmitAsync()
        {
            await using var db = TestDatabase.CreateContext(_database.ConnectionString);
            await using var tx = await db.Database.BeginTransactionAsync();
            if (await queue.CheckJobLimitAsync(db, _bob, CancellationToken.None) is not null) return false;
            queue.Enqueue(db, RecordingWorkHandler.WorkKind, Guid.CreateVersion7(), _bob, new TestPayload(false));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return true;
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(SubmitAsync)));

        Assert.Equal(1, results.Count(ok => ok));
        await using var check = TestDatabase.CreateContext(_database.ConnectionString);
        Assert.Equal(2, await check.WorkItems.Where(w => w.UserId == _bob).Select(w => w.JobId).Distinct().CountAsync());
        await check.Database.BeginTransactionAsync();
        Assert.Equal("You already have 2 jobs waiting or running (at most 2 at once); wait for one to finish or cancel one.",
            await queue.CheckJobLimitAsync(check, _bob, CancellationToken.None));
    }

    [Fact]
    public async Task The_admin_list_folds_a_jobs_items_into_one_row_with_its_owner_node_and_progress()
    {
        var node = Node("lister");
        var jobId = Guid.CreateVersion7();
        var done = (await EnqueueAsync(node, _bob, 1)).Single();
        await EnqueueAsync(node, _alice, 2, jobId: jobId);
        var runner = node.GetRequiredService<WorkItemRunner>();
        Assert.True(await runner.TryRunNextAsync(CancellationToken.None));
        Assert.Equal(WorkItemStatus.Done, (await ItemAsync(done)).Status);
        Assert.Equal(jobId, (await runner.TryClaimAsync(CancellationToken.None))!.JobId);

        var queries = node.GetRequiredService<WorkQueueJobQueries>();
        var active = await queries.ListAsync(activeOnly: true, 0, 20);
        var all = await queries.ListAsync(activeOnly: false, 0, 20);

        var row = Assert.Single(active.Items);
        Assert.Equal(1, active.Total);
        Assert.Equal((jobId, RecordingWorkHandler.WorkKind, _alice, WorkItemStatus.Running, 2, 0, "lister", 1),
            (row.JobId, row.Kind, row.UserId, row.Status, row.Items, row.ItemsDone, row.Nodes, row.Attempts));
        Assert.StartsWith("wq-alice", row.OwnerEmail, StringComparison.Ordinal);
        Assert.Equal(2, all.Total);
        var finished = Assert.Single(all.Items, r => r.UserId == _bob);
        Assert.Equal((WorkItemStatus.Done, 1, 1.0, (string?)null), (finished.Status, finished.ItemsDone, finished.Progress, finished.Nodes));
    }
}
