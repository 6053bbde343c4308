namespace AlgoTrade.Tests.Exchanges.Fakes;

public sealed record FakeSymbol(string Symbol, string BaseAsset, string QuoteAsset, decimal TickSize, decimal StepSize, decimal MinQty, decimal MinNotional);
