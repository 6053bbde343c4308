using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlgoTrade.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without a running app or database.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AlgoTradeDbContext>
{
    public AlgoTradeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AlgoTradeDbContext>();
        DatabaseSetup.Configure(options, "Host=localhost;Database=algotrade_design");
        return new AlgoTradeDbContext(options.Options);
    }
}
