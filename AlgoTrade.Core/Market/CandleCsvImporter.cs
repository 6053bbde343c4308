using System.Globalization;

namespace AlgoTrade.Core.Market;

/// <summary>
/// Reads candles from either supported CSV format (<see cref="CandleCsvFormat"/>), detected from the first line.
/// Malformed rows, rows out of time order and rows off the timeframe grid are errors with their line number;
/// missing candles are warnings. Span-based parsing keeps a million rows well under a second.
/// </summary>
public static class CandleCsvImporter
{
    public const int MaxListedIssues = 100;

    // Binance switched spot kline files to microseconds in 2025; 1e14 ms would be the year 5138.
    private const long MicrosecondThreshold = 100_000_000_000_000;

    private static readonly string[] HeaderColumns = ["datetime", "open", "high", "low", "close", "volume"];

    public static CandleImportResult ImportFile(string path, Timeframe? timeframe = null)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Import(reader, timeframe);
    }

    public static CandleImportResult Import(string csv, Timeframe? timeframe = null) => Import(new StringReader(csv), timeframe);

    /// <param name="timeframe">Expected spacing; when null it is inferred as the smallest step between rows.</param>
    public static CandleImportResult Import(TextReader reader, Timeframe? timeframe = null)
    {
        var issues = new IssueList();
        var candles = new List<Candle>(1024);
        var lines = new List<int>(1024);
        CandleCsvFormat? format = null;
        var lineNumber = 0;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty) continue;

            if (format is null)
            {
                if (char.IsAsciiDigit(span[0]))
                {
                    format = CandleCsvFormat.BinanceKline;
                }
                else
                {
                    if (!IsDatetimeHeader(span))
                    {
                        issues.AddError(lineNumber, $"unrecognised header '{Shorten(span)}': expected 'datetime,open,high,low,close,volume' or Binance's 12-column kline rows without header");
                        break;
                    }
                    format = CandleCsvFormat.DatetimeHeader;
                    continue;
                }
            }

            var error = format == CandleCsvFormat.BinanceKline
                ? ParseBinanceRow(span, out var candle)
                : ParseDatetimeRow(span, out candle);
            error ??= CheckPrices(candle);
            if (error is not null)
            {
                issues.AddError(lineNumber, error);
                continue;
            }
            candles.Add(candle);
            lines.Add(lineNumber);
        }

        if (format is null && issues.ErrorCount == 0)
            issues.AddError(Math.Max(lineNumber, 1), "the file has no candles");

        var array = candles.ToArray();
        var tf = timeframe ?? InferTimeframe(array, issues);
        long missing = 0;
        if (tf is not null)
            missing = CheckSpacing(array, lines, tf, issues);

        return new CandleImportResult
        {
            Format = format,
            Candles = array,
            Timeframe = tf,
            Errors = issues.Errors,
            Warnings = issues.Warnings,
            ErrorCount = issues.ErrorCount,
            WarningCount = issues.WarningCount,
            MissingCandles = missing,
        };
    }

    private static bool IsDatetimeHeader(ReadOnlySpan<char> span)
    {
        var i = 0;
        foreach (var range in span.Split(','))
        {
            if (i >= HeaderColumns.Length) return false;
            var name = span[range].Trim().Trim('"');
            if (!name.Equals(HeaderColumns[i], StringComparison.OrdinalIgnoreCase)
                && !(i == 0 && (name.Equals("timestamp", StringComparison.OrdinalIgnoreCase) || name.Equals("date", StringComparison.OrdinalIgnoreCase))))
                return false;
            i++;
        }
        return i == HeaderColumns.Length;
    }

    private static string? ParseBinanceRow(ReadOnlySpan<char> line, out Candle candle)
    {
        candle = default;
        Span<Range> fields = stackalloc Range[13];
        var count = line.Split(fields, ',');
        if (count != 12)
            return $"expected 12 columns (Binance kline), found {(count == 13 ? "more than 12" : count.ToString(CultureInfo.InvariantCulture))}";

        var timeField = line[fields[0]].Trim();
        if (!long.TryParse(timeField, NumberStyles.None, CultureInfo.InvariantCulture, out var raw))
            return $"open time '{Shorten(timeField)}' is not a whole number of milliseconds or microseconds";
        // Ticks are 100 ns: µs × 10, ms × 10,000.
        var ticks = raw >= MicrosecondThreshold ? raw * 10 : raw * TimeSpan.TicksPerMillisecond;
        var unixEpochTicks = DateTime.UnixEpoch.Ticks;
        if (raw <= 0 || ticks > DateTime.MaxValue.Ticks - unixEpochTicks)
            return $"open time {raw} is out of range";

        var error = ParsePrices(line, fields, out var o, out var h, out var l, out var c, out var v);
        if (error is not null) return error;
        candle = new Candle(unixEpochTicks + ticks, o, h, l, c, v);
        return null;
    }

    private static string? ParseDatetimeRow(ReadOnlySpan<char> line, out Candle candle)
    {
        candle = default;
        Span<Range> fields = stackalloc Range[7];
        var count = line.Split(fields, ',');
        if (count != 6)
            return $"expected 6 columns (datetime,open,high,low,close,volume), found {(count == 7 ? "more than 6" : count.ToString(CultureInfo.InvariantCulture))}";

        var timeField = line[fields[0]].Trim().Trim('"');
        if (!TryParseUtc(timeField, out var time))
            return $"datetime '{Shorten(timeField)}' is not ISO 8601 or 'yyyy-MM-dd HH:mm:ss'";

        var error = ParsePrices(line, fields, out var o, out var h, out var l, out var c, out var v);
        if (error is not null) return error;
        candle = new Candle(time, o, h, l, c, v);
        return null;
    }

    private static string? ParsePrices(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields,
        out double open, out double high, out double low, out double close, out double volume)
    {
        high = low = close = volume = 0;
        if (!TryParseNumber(line[fields[1]], out open)) return Bad("open", line[fields[1]]);
        if (!TryParseNumber(line[fields[2]], out high)) return Bad("high", line[fields[2]]);
        if (!TryParseNumber(line[fields[3]], out low)) return Bad("low", line[fields[3]]);
        if (!TryParseNumber(line[fields[4]], out close)) return Bad("close", line[fields[4]]);
        if (!TryParseNumber(line[fields[5]], out volume)) return Bad("volume", line[fields[5]]);
        return null;

        static string Bad(string name, ReadOnlySpan<char> value) => $"{name} '{Shorten(value.Trim())}' is not a number";
    }

    private static bool TryParseNumber(ReadOnlySpan<char> field, out double value) =>
        double.TryParse(field.Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string? CheckPrices(in Candle c)
    {
        if (c.Open <= 0 || c.High <= 0 || c.Low <= 0 || c.Close <= 0) return "prices must be greater than zero";
        if (c.Volume < 0) return "volume must not be negative";
        if (c.High < c.Low) return $"high {Fmt(c.High)} is below low {Fmt(c.Low)}";
        if (c.High < c.Open || c.High < c.Close) return $"high {Fmt(c.High)} is below open or close";
        if (c.Low > c.Open || c.Low > c.Close) return $"low {Fmt(c.Low)} is above open or close";
        return null;
    }

    /// <summary>Fast path for <c>yyyy-MM-dd[T ]HH:mm:ss[Z]</c>; anything else goes through DateTime.TryParse as UTC.</summary>
    internal static bool TryParseUtc(ReadOnlySpan<char> s, out DateTime time)
    {
        if ((s.Length == 19 || (s.Length == 20 && s[19] == 'Z'))
            && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T') && s[13] == ':' && s[16] == ':'
            && TryDigits(s, 0, 4, out var year) && TryDigits(s, 5, 2, out var month) && TryDigits(s, 8, 2, out var day)
            && TryDigits(s, 11, 2, out var hour) && TryDigits(s, 14, 2, out var minute) && TryDigits(s, 17, 2, out var second)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
            return true;
        }
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time))
        {
            time = DateTime.SpecifyKind(time, DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    private static Timeframe? InferTimeframe(Candle[] candles, IssueList issues)
    {
        var smallest = long.MaxValue;
        for (var i = 1; i < candles.Length; i++)
        {
            var step = candles[i].OpenTime.Ticks - candles[i - 1].OpenTime.Ticks;
            if (step > 0 && step < smallest) smallest = step;
        }
        if (smallest == long.MaxValue) return null;
        var tf = Timeframe.All.FirstOrDefault(t => t.Duration.Ticks == smallest);
        if (tf is null)
            issues.AddError(1, $"cannot infer the timeframe: the smallest step between candles is {TimeSpan.FromTicks(smallest)}, which is not one of {string.Join(' ', Timeframe.All.Select(t => t.Code))}");
        return tf;
    }

    private static long CheckSpacing(Candle[] candles, List<int> lines, Timeframe tf, IssueList issues)
    {
        var step = tf.Duration.Ticks;
        long missing = 0;
        for (var i = 1; i < candles.Length; i++)
        {
            var previous = candles[i - 1].OpenTime;
            var current = candles[i].OpenTime;
            var delta = current.Ticks - previous.Ticks;
            if (delta == step) continue;
            if (delta <= 0)
                issues.AddError(lines[i], $"open time {Iso(current)} is not after the previous row's {Iso(previous)} (line {lines[i - 1]}); rows must be in ascending time order without duplicates");
            else if (delta % step != 0)
                issues.AddError(lines[i], $"open time {Iso(current)} is {TimeSpan.FromTicks(delta)} after the previous row, not a multiple of the {tf.Code} timeframe");
            else
            {
                var gap = delta / step - 1;
                missing += gap;
                issues.AddWarning(lines[i], $"gap: {gap} missing {tf.Code} candle(s) between {Iso(previous)} and {Iso(current)}");
            }
        }
        return missing;
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    private static string Fmt(double v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "…");

    private sealed class IssueList
    {
        public List<CandleImportIssue> Errors { get; } = [];
        public List<CandleImportIssue> Warnings { get; } = [];
        public int ErrorCount { get; private set; }
        public int WarningCount { get; private set; }

        public void AddError(int line, string message)
        {
            if (ErrorCount++ < MaxListedIssues) Errors.Add(new CandleImportIssue(line, message));
        }

        public void AddWarning(int line, string message)
        {
            if (WarningCount++ < MaxListedIssues) Warnings.Add(new CandleImportIssue(line, message));
        }
    }
}
