namespace AlgoTrade.Core.Events;

/// <summary>
/// Delivers bot events to live listeners (Razor components) on every app node. Publish only after the data the event
/// describes is committed, so a listener that re-reads the database sees it.
/// </summary>
public interface IBotEventHub
{
    void Publish(BotEvent botEvent);

    /// <summary>Handlers run on the publisher's thread and must be quick (components marshal with InvokeAsync).</summary>
    IDisposable Subscribe(Func<BotEvent, Task> handler, Func<BotEvent, bool>? filter = null);
}
