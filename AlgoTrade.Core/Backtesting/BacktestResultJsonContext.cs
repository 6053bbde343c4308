using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Source-generated writer of <see cref="BacktestResult"/> with <see cref="BacktestJson.IndentedOptions"/>' shape
/// (snake_case, indented, snake_case enums): the CLI prints a result without building reflection metadata, which
/// costs more than the backtest itself in a one-shot process. A test keeps the two outputs byte-identical.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    Converters = [typeof(FillReasonJsonConverter)])]
[JsonSerializable(typeof(BacktestResult))]
public sealed partial class BacktestResultJsonContext : JsonSerializerContext;
