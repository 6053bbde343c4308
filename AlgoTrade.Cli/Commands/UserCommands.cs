using AlgoTrade.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Cli.Commands;

internal static class UserCommands
{
    public static async Task<int> CreateAdminAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        var email = args.Require("email");
        var password = args.Get("password") ?? Environment.GetEnvironmentVariable("ALGOTRADE_ADMIN_PASSWORD");
        await using var services = CliServices.Build(args);
        args.EnsureNoUnknownOptions();
        if (string.IsNullOrEmpty(password))
            throw new CliException("Missing password: pass --password or set ALGOTRADE_ADMIN_PASSWORD.");
        var result = await services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(email, password, ct);
        if (!result.Succeeded)
            throw new CliException(string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        await stdout.WriteLineAsync($"Admin ready: {result.User!.Email} (user id {result.User.Id}).");
        return 0;
    }
}
