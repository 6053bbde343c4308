using System.Globalization;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Bots;

/// <summary>
/// The one validator of a bot's configuration, used by the form, the CLI and the runtime. Lists every problem at
/// once, keyed by the <c>bot_configs</c> column name; strategy parameters as <c>strategy_params.&lt;name&gt;</c>.
/// </summary>
public sealed class BotConfigValidator(ApiKeyService apiKeys, SymbolCatalog symbols)
{
    public const int MaxNameLength = 100;
    public const int MaxSymbolLength = 32;
    public const string StrategyParamsPrefix = "strategy_params.";

    /// <summary>
    /// Everything that needs no I/O. The runtime checks this before each tick; <see cref="ValidateAsync"/> adds the
    /// API key and the exchange's symbol list.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ValidateSettings(BotConfig bot)
    {
        var e = new ValidationErrors();

        if (string.IsNullOrWhiteSpace(bot.Name))
            e.Add("name", "Give the bot a name.");
        else if (bot.Name.Trim().Length > MaxNameLength)
            e.Add("name", $"The name may have at most {MaxNameLength} characters (got {bot.Name.Trim().Length}).");
        else if (InvisibleCharacters.In(bot.Name))
            e.Add("name", "The name may not contain control characters or invisible formatting characters.");

        if (!ExchangeNames.IsValid(bot.ExchangeName))
            e.Add("exchange_name", $"Choose one of: {string.Join(", ", ExchangeNames.All)}.");

        if (string.IsNullOrWhiteSpace(bot.Symbol))
            e.Add("symbol", "Choose the symbol to trade, e.g. BTCUSDT.");
        else if (bot.Symbol.Trim().Length > MaxSymbolLength || !bot.Symbol.Trim().All(char.IsAsciiLetterOrDigit))
            e.Add("symbol", $"A symbol is up to {MaxSymbolLength} letters and digits, e.g. BTCUSDT (got \"{bot.Symbol.Trim()}\").");

        if (!Timeframe.TryParse(bot.Timeframe, out _))
            e.Add("timeframe", $"Choose a timeframe: {string.Join(" ", Timeframe.All.Select(t => t.Code))}.");

        if (bot.CheckIntervalSeconds is < BotIntervals.MinimumSeconds or > BotIntervals.MaximumSeconds)
            e.Add("check_interval_seconds",
                $"The check interval must be between {BotIntervals.MinimumSeconds} and {BotIntervals.MaximumSeconds} seconds (got {bot.CheckIntervalSeconds}).");

        if (!StrategyRegistry.TryGet(bot.StrategyType, out var strategy))
            e.Add("strategy_type", $"Choose a strategy: {string.Join(", ", StrategyRegistry.All.Select(s => s.Type))}.");
        else
            e.AddAll(PrefixStrategyErrors(strategy.Validate(bot.StrategyParams.RootElement).Errors));

        var settings = RiskSettings.FromBotConfig(bot, out var riskErrors);
        e.AddAll(riskErrors);
        if (bot.Risk.PositionSizePerc is not null && bot.Risk.PositionSizeFixed is not null)
            e.Add("position_size_fixed", "Set the position size either as a percentage of cash or as a fixed quote amount, not both.");
        CheckPartialOrder(settings.PartialTakeProfits, e);

        return e.ToDictionary();
    }

    /// <summary><see cref="ValidateSettings"/> plus the user's API key for live exchanges and the exchange's symbol list.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(int userId, BotConfig bot, CancellationToken ct = default)
    {
        var e = new ValidationErrors();
        e.AddAll(ValidateSettings(bot));
        if (!ExchangeNames.IsValid(bot.ExchangeName))
            return e.ToDictionary();

        if (ExchangeNames.RequiresApiKey(bot.ExchangeName))
        {
            var keys = await apiKeys.ListAsync(userId, ct);
            if (!keys.Any(k => k.ExchangeName == bot.ExchangeName && k.IsValid))
                e.Add("exchange_name", $"{ExchangeNames.DisplayName(bot.ExchangeName)} places real orders and needs a valid API key of that exchange: add one on the API keys page.");
        }

        var symbol = bot.Symbol?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(symbol) && symbol.All(char.IsAsciiLetterOrDigit))
        {
            // When the exchange cannot be asked the symbol is accepted; the runtime reports a bad symbol on its first tick.
            var trading = await symbols.GetTradingSymbolsAsync(bot.ExchangeName, ct);
            if (trading is not null && !trading.Any(s => s.Symbol == symbol))
                e.Add("symbol", $"{symbol} is not a trading symbol on {ExchangeNames.DisplayName(bot.ExchangeName)}.");
        }
        return e.ToDictionary();
    }

    private static IReadOnlyDictionary<string, string[]> PrefixStrategyErrors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(
            kv => kv.Key == "strategy_params" ? kv.Key : StrategyParamsPrefix + kv.Key,
            kv => kv.Value, StringComparer.Ordinal);

    // The engine sorts levels, but a form listing them out of order is easy to misread, so bots keep them ascending.
    private static void CheckPartialOrder(IReadOnlyList<PartialTakeProfit> levels, ValidationErrors e)
    {
        for (var i = 1; i < levels.Count; i++)
        {
            var (previous, current) = (levels[i - 1].Percentage, levels[i].Percentage);
            if (current < previous)
                e.Add(PartialTakeProfitParser.Field,
                    $"Level {i + 1}: percentage {F(current)} must be above level {i}'s {F(previous)}; list the levels in increasing order.");
        }
    }

    private static string F(decimal v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}
