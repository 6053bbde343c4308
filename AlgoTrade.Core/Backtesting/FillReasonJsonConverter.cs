using System.Text.Json;
using System.Text.Json.Serialization;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>Fill reasons as <c>stop_loss</c>, … like <see cref="BacktestJson"/>'s string enum converter.</summary>
public sealed class FillReasonJsonConverter() : JsonStringEnumConverter<FillReason>(JsonNamingPolicy.SnakeCaseLower);
