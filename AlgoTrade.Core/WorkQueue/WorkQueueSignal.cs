namespace AlgoTrade.Core.WorkQueue;

/// <summary>Wakes idle worker slots when new items arrive (a NOTIFY from any node).</summary>
public sealed class WorkQueueSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before looking for work, then wait on it: a pulse in between is not lost.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
