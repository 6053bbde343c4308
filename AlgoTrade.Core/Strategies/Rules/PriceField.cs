namespace AlgoTrade.Core.Strategies.Rules;

public enum PriceField
{
    Open,
    High,
    Low,
    Close,
    Volume,

    /// <summary>(high + low) / 2</summary>
    Hl2,

    /// <summary>(high + low + close) / 3</summary>
    Hlc3,

    /// <summary>(open + high + low + close) / 4</summary>
    Ohlc4,
}
