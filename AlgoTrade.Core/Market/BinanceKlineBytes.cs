using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace AlgoTrade.Core.Market;

/// <summary>
/// Binance kline rows parsed straight from the file's UTF-8 bytes, for the large-file read in halves: the general
/// reader decodes every byte to UTF-16 and splits every column before parsing (docs/backtesting.md#speed). Only the
/// plain shape is taken: twelve columns, a whole-number open time, plain decimals, valid prices, LF or CRLF line
/// ends, no blank line. Anything else returns false and the caller reads the part again with the general reader, so
/// issues, line numbers and candles stay that reader's.
/// </summary>
internal static class BinanceKlineBytes
{
    private const int BufferSize = 1 << 20;
    private const ulong MaxExactMantissa = 1UL << 53;
    private const long MicrosecondThreshold = 100_000_000_000_000;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Hands each row of <c>[from, to)</c> to <paramref name="accept"/> with its line (1 = the part's first).</summary>
    public static bool TryRead(SafeFileHandle file, long from, long to, Func<Candle, int, bool> accept)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var offset = from;
            var kept = 0;
            var line = 0;
            while (true)
            {
                var read = offset < to
                    ? RandomAccess.Read(file, buffer.AsSpan(kept, (int)Math.Min(buffer.Length - kept, to - offset)), offset)
                    : 0;
                offset += read;
                var data = buffer.AsSpan(0, kept + read);
                var atEnd = read == 0;
                while (true)
                {
                    var newline = data.IndexOf((byte)'\n');
                    if (newline < 0 && !(atEnd && !data.IsEmpty)) break;
                    var row = newline < 0 ? data : data[..newline];
                    data = newline < 0 ? [] : data[(newline + 1)..];
                    if (!row.IsEmpty && row[^1] == (byte)'\r') row = row[..^1];
                    line++;
                    if (!TryParseRow(row, out var candle) || !accept(candle, line)) return false;
                }
                if (atEnd) return true;
                if (data.Length == buffer.Length) return false;  // a line longer than the buffer: not a kline row
                data.CopyTo(buffer);
                kept = data.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryParseRow(ReadOnlySpan<byte> row, out Candle candle)
    {
        candle = default;
        var i = 0;
        if (!TryWholeNumber(row, ref i, out var raw)) return false;
        var ticks = raw >= MicrosecondThreshold ? raw * 10 : raw * TimeSpan.TicksPerMillisecond;
        var unixEpochTicks = DateTime.UnixEpoch.Ticks;
        if (raw <= 0 || ticks > DateTime.MaxValue.Ticks - unixEpochTicks) return false;
        if (!TryDecimal(row, ref i, out var open) || !TryDecimal(row, ref i, out var high) || !TryDecimal(row, ref i, out var low)
            || !TryDecimal(row, ref i, out var close) || !TryDecimal(row, ref i, out var volume))
            return false;
        // The six columns nobody reads: only their count matters.
        if (row[i..].Count((byte)',') != 5) return false;
        candle = new Candle(unixEpochTicks + ticks, open, high, low, close, volume);
        return open > 0 && high > 0 && low > 0 && close > 0 && volume >= 0
            && high >= low && high >= open && high >= close && low <= open && low <= close;
    }

    /// <summary>At most 18 digits, then a comma, which is consumed.</summary>
    private static bool TryWholeNumber(ReadOnlySpan<byte> row, ref int i, out long value)
    {
        value = 0;
        var start = i;
        for (; i < row.Length; i++)
        {
            var d = (uint)(row[i] - '0');
            if (d > 9) break;
            value = value * 10 + d;
        }
        var digits = i - start;
        if (digits == 0 || digits > 18 || i >= row.Length || row[i] != (byte)',') return false;
        i++;
        return true;
    }

    /// <summary>
    /// <see cref="CsvNumber"/>'s plain-decimal fast path over bytes, then a comma, which is consumed. A copy, not one
    /// generic method over char and byte: ReadyToRun leaves that instantiation to the JIT, and the parse phase of the
    /// 1M-row run went from 140-160 to 210-230 ms.
    /// </summary>
    private static bool TryDecimal(ReadOnlySpan<byte> row, ref int i, out double value)
    {
        value = 0;
        var negative = false;
        if (i < row.Length && row[i] == (byte)'-')
        {
            negative = true;
            i++;
        }
        ulong mantissa = 0;
        var digits = 0;
        var decimals = -1;
        for (; i < row.Length; i++)
        {
            var c = row[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (++digits > 19) return false;
                mantissa = mantissa * 10 + d;
                if (decimals >= 0) decimals++;
            }
            else if (c == (byte)'.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                break;
            }
        }
        if (digits == 0 || mantissa > MaxExactMantissa || decimals > 22 || i >= row.Length || row[i] != (byte)',') return false;
        i++;
        var result = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        value = negative ? -result : result;
        return true;
    }
}
