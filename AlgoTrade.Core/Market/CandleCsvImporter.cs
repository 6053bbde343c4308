using System.Buffers;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
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
        var length = stream.Length;
        if (timeframe is not null && Environment.ProcessorCount > 1 && length >= HalvesThreshold
            && ImportInHalves(stream.SafeFileHandle, length, timeframe) is { } halves)
            return halves;
        var lines = CountLines(stream.SafeFileHandle, 0, length);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Import(reader, timeframe, length, lines.Lines);
    }

    /// <summary>
    /// Lines in a part of the file (a last line without its newline included), from one pass over the page-cached
    /// bytes: with it the candle array is allocated at its final size, where growing or trimming a million candles
    /// would copy 48 MB into freshly faulted pages (docs/backtesting.md#speed). <see cref="LineCount.OnlyLf"/> says
    /// every carriage return is part of a CRLF, so the newlines counted are exactly the rows the parser sees.
    /// </summary>
    private static LineCount CountLines(SafeFileHandle file, long from, long to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = from, lines = 0, crs = 0, crlfs = 0;
            byte last = (byte)'\n';
            int read;
            while (offset < to && (read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, to - offset)), offset)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                lines += chunk.Count((byte)'\n');
                var chunkCrs = chunk.Count((byte)'\r');
                if (chunkCrs > 0)
                {
                    crs += chunkCrs;
                    crlfs += chunk.Count("\r\n"u8);
                }
                if (last == (byte)'\r' && chunk[0] == (byte)'\n') crlfs++;
                last = chunk[^1];
                offset += read;
            }
            if (offset > from && last != (byte)'\n') lines++;
            return new LineCount((int)Math.Min(lines, Array.MaxLength), OnlyLf: crs == crlfs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly record struct LineCount(int Lines, bool OnlyLf);

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
        var part = new PartReader(timeframe, lineOffset: 0, new CandleBuffer());
        part.Read(text, knownFormat: null, lengthHint, lineCount);
        var issues = part.Issues;
        if (part.Format is null && issues.ErrorCount == 0)
            issues.AddError(Math.Max(part.LastLine, 1), "the file has no candles");

        var array = part.Candles.ToArray();
        var tf = timeframe ?? InferTimeframe(array, issues);
        long missing;
        if (part.Spacing is { } spacing)
        {
            missing = spacing.Missing;
        }
        else
        {
            missing = 0;
            if (tf is not null)
            {
                var check = new SpacingCheck(tf, issues);
                for (var i = 0; i < array.Length; i++) check.Next(array[i].OpenTime, part.Lines![i]);
                missing = check.Missing;
            }
        }
        return Result(part.Format, array, tf, issues, missing);
    }

    private static CandleImportResult Result(CandleCsvFormat? format, Candle[] candles, Timeframe? timeframe, IssueList issues, long missing) => new()
    {
        Format = format,
        Candles = candles,
        Timeframe = timeframe,
        Errors = issues.Errors,
        Warnings = issues.Warnings,
        ErrorCount = issues.ErrorCount,
        WarningCount = issues.WarningCount,
        MissingCandles = missing,
    };

    /// <summary>
    /// Both cores at once for a large file: split at the newline nearest the middle, the two halves are parsed in
    /// parallel straight into their places in one candle array, and their issues are joined in line order with the
    /// spacing check across the split. The result is the same as the one-thread read; null (read on one thread)
    /// when the format is not plain from the first lines or bare carriage returns would make the newline count differ
    /// from the parser's rows.
    /// </summary>
    internal static CandleImportResult? ImportInHalves(string path, Timeframe timeframe)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ImportInHalves(stream.SafeFileHandle, stream.Length, timeframe);
    }

    private static CandleImportResult? ImportInHalves(SafeFileHandle file, long length, Timeframe timeframe)
    {
        if (DetectFormat(file) is not ({ } format, var rowsBeforeData)) return null;
        var split = NextLineStart(file, length / 2, length);
        if (split <= 0) return null;

        LineCount head = default, tail = default;
        Parallel.Invoke(() => head = CountLines(file, 0, split), () => tail = CountLines(file, split, length));
        if (!head.OnlyLf || !tail.OnlyLf || head.Lines <= rowsBeforeData) return null;

        // The head's rows before its first candle are known, so a clean file fills the array exactly.
        var headCapacity = head.Lines - rowsBeforeData;
        var array = GC.AllocateUninitializedArray<Candle>(headCapacity + tail.Lines);
        HugePages.Advise(array);
        var first = new PartReader(timeframe, lineOffset: 0, CandleBuffer.Over(array, 0, headCapacity));
        var second = new PartReader(timeframe, lineOffset: head.Lines, CandleBuffer.Over(array, headCapacity, tail.Lines));
        Parallel.Invoke(
            () =>
            {
                using var reader = new StreamReader(new FileSegmentStream(file, 0, split), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                first.Read(reader, knownFormat: null, 0, 0);
            },
            () =>
            {
                using var reader = new StreamReader(new FileSegmentStream(file, split, length), Utf8NoPreamble, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
                second.Read(reader, format, 0, 0);
            });
        if (first.Format != format || first.Candles.Overflowed || second.Candles.Overflowed) return null;

        var across = new IssueList();
        var boundary = new SpacingCheck(timeframe, across);
        if (first.Spacing!.Last is { } last && second.Spacing!.First is { } next)
        {
            boundary.Next(last.Time, last.Line);
            boundary.Next(next.Time, next.Line);
        }
        var issues = IssueList.Join(first.Issues, across, second.Issues);
        var missing = first.Spacing.Missing + boundary.Missing + second.Spacing!.Missing;

        // Blank or bad rows in the head leave a hole before the tail's candles.
        var headCount = first.Candles.Count;
        var tailCount = second.Candles.Count;
        if (headCount < headCapacity && tailCount > 0)
            Array.Copy(array, headCapacity, array, headCount, tailCount);
        var total = headCount + tailCount;
        var candles = total == array.Length ? array : array.AsSpan(0, total).ToArray();
        return Result(format, candles, timeframe, issues, missing);
    }

    private static readonly System.Text.UTF8Encoding Utf8NoPreamble = new(encoderShouldEmitUTF8Identifier: false);

    private const long HalvesThreshold = 8 << 20;

    /// <summary>
    /// The format and the number of lines before the first candle, from the first lines of the file, the way
    /// <see cref="PartReader.Read"/> decides it; null when that is not plain within the first 64 KB.
    /// </summary>
    private static (CandleCsvFormat Format, int RowsBeforeData)? DetectFormat(SafeFileHandle file)
    {
        Span<byte> bytes = stackalloc byte[1 << 16];
        bytes = bytes[..RandomAccess.Read(file, bytes, 0)];
        if (bytes.StartsWith(System.Text.Encoding.UTF8.Preamble)) bytes = bytes[3..];
        var line = 0;
        while (bytes.IndexOf((byte)'\n') is var end and >= 0)
        {
            line++;
            var text = System.Text.Encoding.UTF8.GetString(bytes[..end]).AsSpan().Trim();
            bytes = bytes[(end + 1)..];
            if (text.Contains('\r')) return null;
            if (text.IsEmpty) continue;
            if (char.IsAsciiDigit(text[0])) return (CandleCsvFormat.BinanceKline, line - 1);
            return IsDatetimeHeader(text) ? (CandleCsvFormat.DatetimeHeader, line) : null;
        }
        return null;
    }

    /// <summary>The offset just after the first newline at or after <paramref name="from"/>; 0 when none near.</summary>
    private static long NextLineStart(SafeFileHandle file, long from, long length)
    {
        Span<byte> bytes = stackalloc byte[1 << 14];
        for (var offset = from; offset < length && offset < from + (1 << 20); offset += bytes.Length)
        {
            var read = RandomAccess.Read(file, bytes, offset);
            var newline = bytes[..read].IndexOf((byte)'\n');
            if (newline >= 0) return offset + newline + 1 < length ? offset + newline + 1 : 0;
        }
        return 0;
    }

    /// <summary>
    /// Reads rows into candles: detects the format from the first non-blank line unless given, checks the spacing
    /// when the timeframe is known (else keeps each candle's line for the check after inferring it). Line numbers
    /// are the file's: <paramref name="lineOffset"/> lines precede this reader's text.
    /// </summary>
    private sealed class PartReader
    {
        private readonly int _lineOffset;
        private CandleBuffer _candles;

        public PartReader(Timeframe? timeframe, int lineOffset, CandleBuffer candles)
        {
            _lineOffset = lineOffset;
            _candles = candles;
            if (timeframe is null) Lines = new List<int>(1024);
            else Spacing = new SpacingCheck(timeframe, Issues);
        }

        public IssueList Issues { get; } = new();
        public SpacingCheck? Spacing { get; }
        // Line numbers are only needed to report spacing problems after inferring the timeframe.
        public List<int>? Lines { get; }
        public CandleCsvFormat? Format { get; private set; }
        public int LastLine { get; private set; }
        public ref CandleBuffer Candles => ref _candles;

        public void Read(TextReader text, CandleCsvFormat? knownFormat, long lengthHint, int lineCount)
        {
            Format = knownFormat;
            using var reader = ReaderOptions.From(text);
            while (Format is null && reader.MoveNext())
            {
                var row = reader.Current;
                LastLine = row.LineNumberToExcl - 1;
                var span = row.Span.Trim();
                if (span.IsEmpty) continue;
                if (!char.IsAsciiDigit(span[0]))
                {
                    if (!IsDatetimeHeader(span))
                    {
                        Issues.AddError(LineOf(row), $"unrecognised header '{Shorten(span)}': expected 'datetime,open,high,low,close,volume' or Binance's 12-column kline rows without header");
                        break;
                    }
                    Format = CandleCsvFormat.DatetimeHeader;
                    continue;
                }
                Format = CandleCsvFormat.BinanceKline;
                _candles.Reserve(lengthHint, span.Length + 1, RowsFrom(LastLine, lineCount));
                Accept(ParseBinance(row), lengthHint, lineCount);
            }

            if (Format is { } known)
            {
                SepReader.RowFunc<ParsedRow> parse = known == CandleCsvFormat.BinanceKline ? ParseBinance : ParseDatetime;
                // One thread per part: Sep's ParallelEnumerate (PLINQ, a buffered ParsedRow per row) took twice the CPU
                // time and 2.3x the memory for a 1M-row file and was slower in wall time too (docs/backtesting.md#speed).
                while (reader.MoveNext())
                    Accept(parse(reader.Current), lengthHint, lineCount);
            }
        }

        private void Accept(in ParsedRow parsed, long lengthHint, int lineCount)
        {
            if (parsed.Blank) return;
            var line = parsed.Line + _lineOffset;
            if (parsed.Error is not null)
            {
                Issues.AddError(line, parsed.Error);
                return;
            }
            if (_candles.Count == 0 && Format == CandleCsvFormat.DatetimeHeader)
                _candles.Reserve(lengthHint, parsed.Length, RowsFrom(parsed.Line, lineCount));
            _candles.Add(parsed.Candle);
            if (Spacing is not null) Spacing.Next(parsed.Candle.OpenTime, line);
            else Lines!.Add(line);
        }

        // The rows left from the first candle's line on; every one of them is a candle in a clean file.
        private static int RowsFrom(int line, int lineCount) => lineCount > 0 ? Math.Max(lineCount - (line - 1), 1) : 0;
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
        public (DateTime Time, int Line)? First { get; private set; }
        public (DateTime Time, int Line)? Last => _previousLine == 0 ? null : (_previous, _previousLine);

        public void Next(DateTime current, int line)
        {
            var previous = _previous;
            var previousLine = _previousLine;
            _previous = current;
            _previousLine = line;
            if (previousLine == 0)
            {
                First = (current, line);
                return;
            }
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
    /// stream length and the first row, so a file is copied at most once; or a fixed slice of a shared array
    /// (<see cref="Over"/>) that refuses to grow and says so.
    /// </summary>
    private struct CandleBuffer
    {
        private Candle[] _items;
        private int _start;
        private int _count;
        private int _capacity;
        private bool _fixed;

        public static CandleBuffer Over(Candle[] array, int start, int capacity) =>
            new() { _items = array, _start = start, _capacity = capacity, _fixed = true };

        public readonly int Count => _count;

        /// <summary>A fixed slice got more candles than it had room for (the rest were dropped).</summary>
        public bool Overflowed { readonly get; private set; }

        public void Reserve(long lengthHint, int firstRowLength, int exactRows)
        {
            if (_fixed || _items is { Length: > 0 }) return;
            if (exactRows > 0)
            {
                _items = GC.AllocateUninitializedArray<Candle>(exactRows);
                HugePages.Advise(_items);
                _capacity = exactRows;
                return;
            }
            if (lengthHint <= 0) return;
            var estimate = lengthHint / Math.Max(firstRowLength, 1);
            _items = GC.AllocateUninitializedArray<Candle>((int)Math.Min(estimate + estimate / 32 + 16, Array.MaxLength));
            _capacity = _items.Length;
        }

        public void Add(in Candle candle)
        {
            if ((uint)_count >= (uint)_capacity)
            {
                if (_fixed)
                {
                    Overflowed = true;
                    return;
                }
                Grow();
            }
            _items[_start + _count++] = candle;
        }

        private void Grow()
        {
            var bigger = GC.AllocateUninitializedArray<Candle>(Math.Max(1024, (int)Math.Min((long)(_items?.Length ?? 0) * 2, Array.MaxLength)));
            if (_count > 0) Array.Copy(_items!, bigger, _count);
            _items = bigger;
            _capacity = bigger.Length;
        }

        public readonly Candle[] ToArray()
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

        /// <summary>
        /// Parts' issues in line order, as one reader would have listed them (the boundary's spacing issue can come
        /// after the next part's bad rows before its first candle): the first <see cref="MaxListedIssues"/> of each
        /// kind, and the totals.
        /// </summary>
        public static IssueList Join(params ReadOnlySpan<IssueList> parts)
        {
            var joined = new IssueList();
            foreach (var part in parts)
            {
                joined.Errors.AddRange(part.Errors);
                joined.Warnings.AddRange(part.Warnings);
                joined.ErrorCount += part.ErrorCount;
                joined.WarningCount += part.WarningCount;
            }
            Trim(joined.Errors);
            Trim(joined.Warnings);
            return joined;

            static void Trim(List<CandleImportIssue> issues)
            {
                var ordered = issues.OrderBy(i => i.LineNumber).Take(MaxListedIssues).ToList();
                issues.Clear();
                issues.AddRange(ordered);
            }
        }
    }
}
