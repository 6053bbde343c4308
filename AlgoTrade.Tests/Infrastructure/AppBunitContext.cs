using AlgoTrade.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>bUnit plus the real Core services against the run's database.</summary>
public abstract class AppBunitContext : MudBunitContext
{
    protected ServiceProvider Core { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Core = CoreServices.Build(await TestDatabase.SharedAsync());
        Services.AddSingleton(Core.GetRequiredService<UserAccountService>());
    }

    protected override ValueTask DisposeTestResourcesAsync() => Core.DisposeAsync();
}
