using Bunit;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor and loose JS interop; disposed asynchronously because MudBlazor's services require it.</summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    protected virtual ValueTask DisposeTestResourcesAsync() => ValueTask.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeTestResourcesAsync();
    }
}
