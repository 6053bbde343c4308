using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

/// <summary>
/// One side of a comparison as the editor edits it. Every kind keeps its own fields, so switching from an indicator
/// to a number and back restores the indicator.
/// </summary>
public sealed class RuleOperandModel
{
    public RuleOperandKind Kind { get; set; } = RuleOperandKind.Indicator;
    public decimal Number { get; set; }
    public PriceField Field { get; set; } = PriceField.Close;
    public string Indicator { get; private set; } = RuleIndicators.Rsi.Name;
    public Dictionary<string, decimal> Parameters { get; private set; } = Defaults(RuleIndicators.Rsi);
    public string Output { get; set; } = RuleIndicators.Rsi.Outputs[0].Name;
    public PriceField Source { get; set; } = PriceField.Close;

    /// <summary>Candles back, for prices and indicators.</summary>
    public int Shift { get; set; }

    public RuleIndicator Definition => RuleIndicators.Get(Indicator);

    /// <summary>Another indicator starts from its defaults, first output, the close.</summary>
    public void SelectIndicator(string name)
    {
        var indicator = RuleIndicators.Get(name);
        Indicator = indicator.Name;
        Parameters = Defaults(indicator);
        Output = indicator.Outputs[0].Name;
        Source = PriceField.Close;
    }

    public static RuleOperandModel OfNumber(decimal value) => new() { Kind = RuleOperandKind.Number, Number = value };

    public static RuleOperandModel OfIndicator(RuleIndicator indicator)
    {
        var model = new RuleOperandModel();
        model.SelectIndicator(indicator.Name);
        return model;
    }

    public static RuleOperandModel From(RuleOperand operand)
    {
        var model = new RuleOperandModel();
        switch (operand)
        {
            case NumberOperand n:
                model.Kind = RuleOperandKind.Number;
                model.Number = n.Value;
                break;
            case PriceOperand p:
                model.Kind = RuleOperandKind.Price;
                model.Field = p.Field;
                model.Shift = p.Shift;
                break;
            case IndicatorOperand o:
                model.SelectIndicator(o.Indicator);
                foreach (var (name, value) in o.Parameters) model.Parameters[name] = value;
                model.Output = o.Output;
                model.Source = o.Source;
                model.Shift = o.Shift;
                break;
        }
        return model;
    }

    public RuleOperand ToOperand() => Kind switch
    {
        RuleOperandKind.Number => new NumberOperand(Number),
        RuleOperandKind.Price => new PriceOperand(Field, Shift),
        _ => new IndicatorOperand(Indicator, new Dictionary<string, decimal>(Parameters, StringComparer.Ordinal), Output, Source, Shift),
    };

    private static Dictionary<string, decimal> Defaults(RuleIndicator indicator) => new(indicator.Defaults, StringComparer.Ordinal);
}
