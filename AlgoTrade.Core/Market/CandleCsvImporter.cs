using System.Globalization;
using nietras.SeparatedValues;

namespace AlgoTrade.Core.Market;

/// <summary>
/// Reads candles from either supported CSV format (<see cref="CandleCsvFormat"/>), detected from the first line,
/// streaming through the Sep parser (the file is never held as one string). Malformed rows, rows out of time order
/// and rows off the timeframe grid are errors with their line number; missing candles are warnings.
/// Fields are parsed from their characters without allocating per row (docs/backtesting.md#speed).
/// </summary>
public static class CandleCsvImporter
{
    public const int MaxListedIssues = 100;

    // Binance switched spot kline files to microseconds in 2025; 1e14 ms would be the year 5138.
    private const long MicrosecondThreshold = 100_000_000_000_000;

    private static readonly string[] HeaderColumns = ["datetime", "open", "high", "low", "close", "volume"];

    // Quotes are trimmed per field instead: the formats have no quoted separators, and an unbalanced quote
    // must stay a bad row with its line number rather than swallow the rest of the file.
    private static readonly SepReaderOptions ReaderOptions = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        DisableQuotesParsing = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    public static CandleImportResult ImportFile(string path, Timeframe? timeframe = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var lines = CountLines(stream.SafeFileHandle);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Import(reader, timeframe, stream.Length, lines);
    }

    /// <summary>
    /// Lines in the file (a last line without its newline included), from one pass over the page-cached bytes: with
    /// it the candle array is allocated at its final size, where growing or trimming a million candles would copy
    /// 48 MB into freshly faulted pages (docs/backtesting.md#speed).
    /// </summary>
    private static int CountLines(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0, lines = 0;
            var last = (byte)'\n';
            int read;
            while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                lines += chunk.Count((byte)'\n');
                last = chunk[^1];
                offset += read;
            }
            if (last != (byte)'\n') lines++;
            return (int)Math.Min(lines, Array.MaxLength);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the stream to its end (UTF-8, a byte order mark is skipped); the caller disposes it.</summary>
    public static CandleImportResult Import(Stream stream, Timeframe? timeframe = null)
    {
        var lengthHint = stream.CanSeek ? stream.Length - stream.Position : 0;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Import(reader, timeframe, lengthHint, 0);
    }

    public static CandleImportResult Import(string csv, Timeframe? timeframe = null) => Import(new StringReader(csv), timeframe, csv.Length, 0);

    /// <param name="timeframe">Expected spacing; when null it is inferred as the smallest step between rows.</param>
    public static CandleImportResult Import(TextReader text, Timeframe? timeframe = null) => Import(text, timeframe, 0, 0);

    /// <param name="lineCount">Lines in the whole input when known (0 otherwise); sizes the candle array exactly.</param>
    private static CandleImportResult Import(TextReader text, Timeframe? timeframe, long lengthHint, int lineCount)
    {
        var issues = new IssueList();
        var candles = new CandleBuffer();
        // Line numbers are only needed to report spacing problems after inferring the timeframe.
        List<int>? lines = timeframe is null ? new List<int>(1024) : null;
        var spacing = timeframe is null ? null : new SpacingCheck(timeframe, issues);
        CandleCsvFormat? format = null;
        var lastLine = 0;

        using var reader = ReaderOptions.From(text);
        while (format is null && reader.MoveNext())
        {
            var row = reader.Current;
            lastLine = row.LineNumberToExcl - 1;
            var span = row.Span.Trim();
            if (span.IsEmpty) continue;
            if (!char.IsAsciiDigit(span[0]))
            {
                if (!IsDatetimeHeader(span))
                {
                    issues.AddError(LineOf(row), $"unrecognised header '{Shorten(span)}': expected 'datetime,open,high,low,close,volume' or Binance's 12-column kline rows without header");
                    break;
                }
                format = CandleCsvFormat.DatetimeHeader;
                continue;
            }
            format = CandleCsvFormat.BinanceKline;
            candles.Reserve(lengthHint, span.Length + 1, RowsFrom(lastLine));
            Accept(ParseBinance(row));
        }

        if (format is { } known)
        {
            SepReader.RowFunc<ParsedRow> parse = known == CandleCsvFormat.BinanceKline ? ParseBinance : ParseDatetime;
            // One thread: Sep's ParallelEnumerate (PLINQ, a buffered ParsedRow per row) took twice the CPU time and
            // 2.3x the memory for a 1M-row file and was slower in wall time too (docs/backtesting.md#speed).
            while (reader.MoveNext())
                Accept(parse(reader.Current));
        }

        void Accept(in ParsedRow parsed)
        {
            if (parsed.Blank) return;
            if (parsed.Error is not null)
            {
                issues.AddError(parsed.Line, parsed.Error);
                return;
            }
            if (candles.Count == 0 && format == CandleCsvFormat.DatetimeHeader)
                candles.Reserve(lengthHint, parsed.Length, RowsFrom(parsed.Line));
            candles.Add(parsed.Candle);
            if (spacing is not null) spacing.Next(parsed.Candle.OpenTime, parsed.Line);
            else lines!.Add(parsed.Line);
        }

        // The rows left from the first candle's line on; every one of them is a candle in a clean file.
        int RowsFrom(int line) => lineCount > 0 ? Math.Max(lineCount - (line - 1), 1) : 0;

        if (format is null && issues.ErrorCount == 0)
            issues.AddError(Math.Max(lastLine, 1), "the file has no candles");

        var array = candles.ToArray();
        var tf = timeframe ?? InferTimeframe(array, issues);
        long missing;
        if (spacing is not null)
        {
            missing = spacing.Missing;
        }
        else
        {
            missing = 0;
            if (tf is not null)
            {
                var check = new SpacingCheck(tf, issues);
                for (var i = 0; i < array.Length; i++) check.Next(array[i].OpenTime, lines![i]);
                missing = check.Missing;
            }
        }

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

    private static ParsedRow ParseBinance(SepReader.Row row) => Parsed(row, ParseBinanceRow(row, out var candle), candle);

    private static ParsedRow ParseDatetime(SepReader.Row row) => Parsed(row, ParseDatetimeRow(row, out var candle), candle);

    private static ParsedRow Parsed(SepReader.Row row, string? error, in Candle candle)
    {
        if (error is not null && row.ColCount == 1 && row.Span.Trim().IsEmpty)
            return new ParsedRow(default, LineOf(row), 0, null, Blank: true);
        error ??= CheckPrices(candle);
        return new ParsedRow(candle, LineOf(row), row.Span.Length + 1, error, Blank: false);
    }

    // Without quote parsing a row is exactly one line. Sep 0.18 reports LineNumberFrom 2 for the first row when
    // there is no header, while LineNumberToExcl is right for every row.
    private static int LineOf(SepReader.Row row) => row.LineNumberToExcl - 1;

    /// <summary>One row's outcome.</summary>
    private readonly record struct ParsedRow(Candle Candle, int Line, int Length, string? Error, bool Blank);

    private static string? ParseBinanceRow(SepReader.Row row, out Candle candle)
    {
        candle = default;
        var count = row.ColCount;
        if (count != 12)
            return $"expected 12 columns (Binance kline), found {count.ToString(CultureInfo.InvariantCulture)}";

        var timeField = Field(row, 0);
        if (!CsvNumber.TryParseWholeNumber(timeField, out var raw))
            return $"open time '{Shorten(timeField)}' is not a whole number of milliseconds or microseconds";
        // Ticks are 100 ns: µs × 10, ms × 10,000.
        var ticks = raw >= MicrosecondThreshold ? raw * 10 : raw * TimeSpan.TicksPerMillisecond;
        var unixEpochTicks = DateTime.UnixEpoch.Ticks;
        if (raw <= 0 || ticks > DateTime.MaxValue.Ticks - unixEpochTicks)
            return $"open time {raw} is out of range";

        var error = ParsePrices(row, out var o, out var h, out var l, out var c, out var v);
        if (error is not null) return error;
        candle = new Candle(unixEpochTicks + ticks, o, h, l, c, v);
        return null;
    }

    private static string? ParseDatetimeRow(SepReader.Row row, out Candle candle)
    {
        candle = default;
        var count = row.ColCount;
        if (count != 6)
            return $"expected 6 columns (datetime,open,high,low,close,volume), found {count.ToString(CultureInfo.InvariantCulture)}";

        var timeField = Field(row, 0);
        if (!TryParseUtc(timeField, out var time))
            return $"datetime '{Shorten(timeField)}' is not ISO 8601 or 'yyyy-MM-dd HH:mm:ss'";

        var error = ParsePrices(row, out var o, out var h, out var l, out var c, out var v);
        if (error is not null) return error;
        candle = new Candle(time, o, h, l, c, v);
        return null;
    }

    private static string? ParsePrices(SepReader.Row row,
        out double open, out double high, out double low, out double close, out double volume)
    {
        high = low = close = volume = 0;
        if (!CsvNumber.TryParseDouble(Field(row, 1), out open)) return Bad("open", Field(row, 1));
        if (!CsvNumber.TryParseDouble(Field(row, 2), out high)) return Bad("high", Field(row, 2));
        if (!CsvNumber.TryParseDouble(Field(row, 3), out low)) return Bad("low", Field(row, 3));
        if (!CsvNumber.TryParseDouble(Field(row, 4), out close)) return Bad("close", Field(row, 4));
        if (!CsvNumber.TryParseDouble(Field(row, 5), out volume)) return Bad("volume", Field(row, 5));
        return null;

        static string Bad(string name, ReadOnlySpan<char> value) => $"{name} '{Shorten(value)}' is not a number";
    }

    /// <summary>The field without surrounding blanks or quotes; a no-op check for the usual bare number.</summary>
    private static ReadOnlySpan<char> Field(SepReader.Row row, int index)
    {
        var s = row[index].Span;
        if (s.IsEmpty) return s;
        if (s[0] <= ' ' || s[^1] <= ' ' || s[0] == '"' || s[^1] == '"')
            s = s.Trim().Trim('"');
        return s;
    }

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

    /// <summary>Checks each candle against the previous one: order, grid and gaps.</summary>
    private sealed class SpacingCheck(Timeframe timeframe, IssueList issues)
    {
        private readonly long _step = timeframe.Duration.Ticks;
        private DateTime _previous;
        private int _previousLine;

        public long Missing { get; private set; }

        public void Next(DateTime current, int line)
        {
            var previous = _previous;
            var previousLine = _previousLine;
            _previous = current;
            _previousLine = line;
            if (previousLine == 0) return;
            var delta = current.Ticks - previous.Ticks;
            if (delta == _step) return;
            if (delta <= 0)
                issues.AddError(line, $"open time {Iso(current)} is not after the previous row's {Iso(previous)} (line {previousLine}); rows must be in ascending time order without duplicates");
            else if (delta % _step != 0)
                issues.AddError(line, $"open time {Iso(current)} is {TimeSpan.FromTicks(delta)} after the previous row, not a multiple of the {timeframe.Code} timeframe");
            else
            {
                var gap = delta / _step - 1;
                Missing += gap;
                issues.AddWarning(line, $"gap: {gap} missing {timeframe.Code} candle(s) between {Iso(previous)} and {Iso(current)}");
            }
        }
    }

    /// <summary>
    /// A growable array sized from the file's line count (exact, never copied for a clean file) or else from the
    /// stream length and the first row, so a file is copied at most once.
    /// </summary>
    private struct CandleBuffer
    {
        private Candle[] _items;
        private int _count;

        public readonly int Count => _count;

        public void Reserve(long lengthHint, int firstRowLength, int exactRows)
        {
            if (_items is { Length: > 0 }) return;
            if (exactRows > 0)
            {
                _items = GC.AllocateUninitializedArray<Candle>(exactRows);
                return;
            }
            if (lengthHint <= 0) return;
            var estimate = lengthHint / Math.Max(firstRowLength, 1);
            _items = GC.AllocateUninitializedArray<Candle>((int)Math.Min(estimate + estimate / 32 + 16, Array.MaxLength));
        }

        public void Add(in Candle candle)
        {
            var items = _items;
            if (items is null || (uint)_count >= (uint)items.Length)
            {
                Grow();
                items = _items;
            }
            items[_count++] = candle;
        }

        private void Grow()
        {
            var bigger = GC.AllocateUninitializedArray<Candle>(Math.Max(1024, (int)Math.Min((long)(_items?.Length ?? 0) * 2, Array.MaxLength)));
            if (_count > 0) Array.Copy(_items!, bigger, _count);
            _items = bigger;
        }

        public Candle[] ToArray()
        {
            if (_count == 0) return [];
            if (_count == _items.Length) return _items;
            return _items.AsSpan(0, _count).ToArray();
        }
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
