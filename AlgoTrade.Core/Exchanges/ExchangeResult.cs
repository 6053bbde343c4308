using System.Diagnostics.CodeAnalysis;

namespace AlgoTrade.Core.Exchanges;

/// <summary>Shaped like Binance.Net's call results: <see cref="Success"/>, <see cref="Data"/> and a typed <see cref="Error"/>.</summary>
public sealed class ExchangeResult<T>
{
    private ExchangeResult(T? data, ExchangeError? error)
    {
        Data = data;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Data))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public T? Data { get; }
    public ExchangeError? Error { get; }

    public static ExchangeResult<T> Ok(T data) => new(data, null);
    public static ExchangeResult<T> Fail(ExchangeError error) => new(default, error);
    public static ExchangeResult<T> Fail(ExchangeErrorKind kind, string message, int? code = null, TimeSpan? retryAfter = null) =>
        new(default, new ExchangeError(kind, message, code, retryAfter));

    /// <summary>Carries this failure over to a result of another type.</summary>
    public ExchangeResult<TOther> As<TOther>() =>
        Success ? throw new InvalidOperationException("A successful result has no error to carry.") : ExchangeResult<TOther>.Fail(Error);

    public ExchangeResult<TOther> Map<TOther>(Func<T, TOther> map) => Success ? ExchangeResult<TOther>.Ok(map(Data)) : As<TOther>();

    public override string ToString() => Success ? $"Success: {Data}" : $"Failure: {Error}";
}
