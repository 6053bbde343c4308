using System.Text;
using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Trading;
using AlgoTrade.Web.Components.Rules;

namespace AlgoTrade.Web.Components.Pages.Bots;

/// <summary>
/// What the bot form edits, in the trader's units (percent of the position rather than ratios, one position-size
/// field behind a toggle); <see cref="ToBotConfig"/> turns it into the columns the one validator checks.
/// </summary>
public sealed class BotFormModel
{
    public string Name { get; set; } = "";
    public string ExchangeName { get; set; } = ExchangeNames.Simulated;
    public string? Symbol { get; set; }
    public string Timeframe { get; set; } = "1h";
    public int? CheckIntervalSeconds { get; set; } = 60;

    public string StrategyType { get; set; } = StrategyRegistry.All[0].Type;
    public Dictionary<string, decimal?> StrategyParams { get; private set; } = Defaults(StrategyRegistry.All[0]);

    public decimal? InitialCapital { get; set; } = 1000;
    public PositionSizeMode SizeMode { get; set; } = PositionSizeMode.PercentOfCash;
    public decimal? PositionSizePerc { get; set; } = 10;
    public decimal? PositionSizeFixed { get; set; }
    public decimal? StopLossPerc { get; set; } = 2;
    public decimal? TakeProfitPerc { get; set; } = 5;
    public bool TrailingStopActive { get; set; }
    public decimal? TrailingStopPerc { get; set; } = 1.5m;
    public List<PartialLevelRow> Partials { get; set; } = [];
    public int? MaxTradeDurationHours { get; set; }
    public decimal? DailyTargetPerc { get; set; }
    public decimal? MaxDailyLossPerc { get; set; }

    /// <summary>The rule editor's state; kept while another strategy is picked, so switching back loses nothing.</summary>
    public RuleEditorModel Rules { get; private set; } = RuleEditorModel.Starter();

    public StrategyDefinition? Strategy => StrategyRegistry.TryGet(StrategyType, out var d) ? d : null;

    public bool UsesRules => Strategy?.TakesRuleDocument == true;

    /// <summary>What cannot reach the validator: rule JSON that is not JSON at all, partial levels with a blank cell.</summary>
    public IReadOnlyDictionary<string, string[]> ReadErrors
    {
        get
        {
            var e = new Core.Validation.ValidationErrors();
            if (UsesRules) e.AddAll(Rules.ReadErrors);
            ReadPartials(e);
            return e.ToDictionary();
        }
    }

    /// <summary>Switches strategy and starts its parameters from their defaults.</summary>
    public void SelectStrategy(string strategyType)
    {
        StrategyType = strategyType;
        StrategyParams = Strategy is { } d ? Defaults(d) : [];
    }

    public IReadOnlyList<PartialTakeProfit> PartialLevels =>
        Partials.Where(p => p.Percentage is not null && p.SellPercent is not null)
            .Select(p => new PartialTakeProfit(p.Percentage!.Value, p.SellPercent!.Value / 100m)).ToList();

    public BotConfig ToBotConfig() => new()
    {
        Name = Name,
        ExchangeName = ExchangeName,
        Symbol = Symbol ?? "",
        Timeframe = Timeframe,
        CheckIntervalSeconds = CheckIntervalSeconds ?? 0,
        StrategyType = StrategyType,
        StrategyParams = UsesRules
            ? Rules.ToStrategyParams()
            : JsonDocument.Parse(JsonSerializer.Serialize(StrategyParams.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value))),
        Risk = ToRiskSettings(),
    };

    /// <summary>The risk fields as the engine reads them; a partial level with a blank cell is left out (see <see cref="ReadErrors"/>).</summary>
    public RiskSettings ToRiskSettings() => new()
    {
        InitialCapital = InitialCapital ?? 0,
        PositionSizePerc = SizeMode == PositionSizeMode.PercentOfCash ? PositionSizePerc : null,
        PositionSizeFixed = SizeMode == PositionSizeMode.FixedQuote ? PositionSizeFixed : null,
        StopLossPerc = StopLossPerc,
        TakeProfitPerc = TakeProfitPerc,
        TrailingStopActive = TrailingStopActive,
        TrailingStopPerc = TrailingStopActive ? TrailingStopPerc : null,
        PartialTakeProfits = ReadPartials(new Core.Validation.ValidationErrors()),
        MaxTradeDurationHours = MaxTradeDurationHours,
        DailyTargetPerc = DailyTargetPerc,
        MaxDailyLossPerc = MaxDailyLossPerc,
    };

    public static BotFormModel FromBotConfig(BotConfig bot)
    {
        var risk = bot.Risk;
        var model = new BotFormModel
        {
            Name = bot.Name,
            ExchangeName = bot.ExchangeName,
            Symbol = bot.Symbol,
            Timeframe = bot.Timeframe,
            CheckIntervalSeconds = bot.CheckIntervalSeconds,
            InitialCapital = risk.InitialCapital,
            // The engine spends the fixed amount when both are set, so that is what the form shows.
            SizeMode = risk.PositionSizeFixed is not null ? PositionSizeMode.FixedQuote : PositionSizeMode.PercentOfCash,
            PositionSizePerc = risk.PositionSizePerc,
            PositionSizeFixed = risk.PositionSizeFixed,
            StopLossPerc = risk.StopLossPerc,
            TakeProfitPerc = risk.TakeProfitPerc,
            TrailingStopActive = risk.TrailingStopActive,
            TrailingStopPerc = risk.TrailingStopPerc ?? 1.5m,
            MaxTradeDurationHours = risk.MaxTradeDurationHours,
            DailyTargetPerc = risk.DailyTargetPerc,
            MaxDailyLossPerc = risk.MaxDailyLossPerc,
            Partials = risk.PartialTakeProfits.Select(l => new PartialLevelRow { Percentage = l.Percentage, SellPercent = l.Ratio * 100m }).ToList(),
        };
        model.LoadStrategy(bot.StrategyType, bot.StrategyParams.RootElement);
        model.DropTrailingZeros();
        return model;
    }

    /// <summary>Selects <paramref name="strategyType"/> with stored parameters: a rule document, or numbers by name over the defaults.</summary>
    public void LoadStrategy(string strategyType, JsonElement parameters)
    {
        SelectStrategy(strategyType);
        if (UsesRules)
            Rules = RuleEditorModel.FromStrategyParams(parameters);
        else if (parameters.ValueKind == JsonValueKind.Object)
            foreach (var p in parameters.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDecimal(out var v))
                    StrategyParams[p.Name] = v;
    }

    // The columns are numeric(30,12): 5000 reads back as 5000.000000000000, and a field shows every digit it is given.
    private void DropTrailingZeros()
    {
        InitialCapital = Plain(InitialCapital);
        PositionSizePerc = Plain(PositionSizePerc);
        PositionSizeFixed = Plain(PositionSizeFixed);
        StopLossPerc = Plain(StopLossPerc);
        TakeProfitPerc = Plain(TakeProfitPerc);
        TrailingStopPerc = Plain(TrailingStopPerc);
        DailyTargetPerc = Plain(DailyTargetPerc);
        MaxDailyLossPerc = Plain(MaxDailyLossPerc);
        foreach (var name in StrategyParams.Keys.ToList())
            StrategyParams[name] = Plain(StrategyParams[name]);
        foreach (var row in Partials)
        {
            row.Percentage = Plain(row.Percentage);
            row.SellPercent = Plain(row.SellPercent);
        }
    }

    private static decimal? Plain(decimal? value) => value is { } v
        ? decimal.Parse(v.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private IReadOnlyList<PartialTakeProfit> ReadPartials(Core.Validation.ValidationErrors errors)
    {
        using var json = PartialsJson();
        return PartialTakeProfitParser.Parse(json.RootElement, errors);
    }

    private JsonDocument PartialsJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var row in Partials)
            {
                json.WriteStartObject();
                // A blank cell is left out, so the parser reports "percentage is missing" for that level.
                if (row.Percentage is { } p) json.WriteNumber("percentage", p);
                if (row.SellPercent is { } s) json.WriteNumber("ratio", s / 100m);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static Dictionary<string, decimal?> Defaults(StrategyDefinition d) =>
        d.Parameters.ToDictionary(p => p.Name, p => (decimal?)p.Default, StringComparer.Ordinal);
}
