using System.Collections.Concurrent;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;

namespace AlgoTrade.Tests.WorkQueue;

/// <summary>
/// A work item handler for queue tests: records which node ran which item, and, for items whose payload says
/// <c>hold</c>, reports progress and waits on its token until released (or cancelled).
/// </summary>
public sealed class RecordingWorkHandler : IWorkItemHandler
{
    public const string WorkKind = "test-work";

    public string Kind => WorkKind;

    public ConcurrentQueue<(long ItemId, string Node, int Attempt)> Ran { get; } = new();
    public ConcurrentQueue<(long ItemId, string Reason)> GaveUp { get; } = new();
    public ConcurrentQueue<Guid> CancelledJobs { get; } = new();
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource<bool> StoppedByToken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task HandleAsync(WorkItemContext context, CancellationToken ct)
    {
        Ran.Enqueue((context.ItemId, context.NodeId, context.Attempt));
        if (!context.ReadPayload<TestPayload>().Hold) return;
        context.Progress.Report(0.25);
        Started.TrySetResult();
        try
        {
            await Release.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            StoppedByToken.TrySetResult(true);
            throw;
        }
    }

    public Task GiveUpAsync(WorkItemContext context, string reason, CancellationToken ct)
    {
        GaveUp.Enqueue((context.ItemId, reason));
        return Task.CompletedTask;
    }

    public Task JobCancelledAsync(AlgoTradeDbContext db, Guid jobId, CancellationToken ct)
    {
        CancelledJobs.Enqueue(jobId);
        return Task.CompletedTask;
    }
}

public sealed record TestPayload(bool Hold);
