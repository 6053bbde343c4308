using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Cli.Commands;

internal static class BotCommands
{
    /// <summary>
    /// Checks a bot's settings file with the validator the form and the runtime use; with --check-symbol also asks the
    /// exchange whether the symbol trades. Exit 0 when valid, 2 with every problem listed by field otherwise.
    /// </summary>
    public static async Task<int> ValidateAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        var path = args.Require("file");
        var checkSymbol = args.Has("check-symbol");
        args.EnsureNoUnknownOptions();
        if (!File.Exists(path)) throw new CliException($"No such file: {path}");

        var read = BotConfigReader.Read(await File.ReadAllTextAsync(path, ct));
        var errors = new ValidationErrors();
        errors.AddAll(read.Errors);
        if (read.Bot is { } bot && checkSymbol)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddLogging();
            services.AddAlgoTradeExchanges();
            await using var provider = services.BuildServiceProvider();
            var symbols = await provider.GetRequiredService<IExchangeClientFactory>().Create(bot.ExchangeName).GetSymbolsAsync(ct);
            if (!symbols.Success)
                throw new CliException($"Could not list {bot.ExchangeName}'s symbols: {symbols.Error.Message}");
            if (!symbols.Data.Any(s => s.Symbol == bot.Symbol.Trim().ToUpperInvariant() && s.IsTrading))
                errors.Add("symbol", $"{bot.Symbol} is not a trading symbol on {ExchangeNames.DisplayName(bot.ExchangeName)}.");
        }

        if (errors.IsEmpty)
        {
            await stdout.WriteLineAsync($"Valid: {read.Bot!.Name} trades {read.Bot.Symbol} {read.Bot.Timeframe} on {read.Bot.ExchangeName} with {read.Bot.StrategyType}.");
            return 0;
        }
        throw new CliException("The bot's settings are invalid:" + Environment.NewLine + string.Join(Environment.NewLine,
            ValidationErrors.Describe(errors.ToDictionary()).Select(line => "  " + line)));
    }
}
