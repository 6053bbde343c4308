using AlgoTrade.Core.Market;

namespace AlgoTrade.Tests.Core.Market;

public class CandleCsvImporterTests
{
    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Reads_the_header_format_with_iso_and_space_separated_times()
    {
        var result = CandleCsvImporter.Import("""
            datetime,open,high,low,close,volume
            2024-01-01 00:00:00,100,101,99,100.5,10
            2024-01-01T00:01:00Z,100.5,102,100,101,12
            2024-01-01T00:02:00+00:00,101,101.5,100.5,101,3.25
            """);
        Assert.True(result.Succeeded);
        Assert.Equal(CandleCsvFormat.DatetimeHeader, result.Format);
        Assert.Same(Timeframe.M1, result.Timeframe);
        Assert.Equal(
            [new Candle(Utc(2024, 1, 1), 100, 101, 99, 100.5, 10), new Candle(Utc(2024, 1, 1, 0, 1), 100.5, 102, 100, 101, 12), new Candle(Utc(2024, 1, 1, 0, 2), 101, 101.5, 100.5, 101, 3.25)],
            result.Candles);
        Assert.All(result.Candles, c => Assert.Equal(DateTimeKind.Utc, c.OpenTime.Kind));
    }

    [Fact]
    public void Reads_binance_klines_in_milliseconds_and_microseconds()
    {
        var result = CandleCsvImporter.Import("""
            1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108,1704070799999,53957248.97,47134,682.57581,28957416.82,0
            1704070800000,42475.23,42775.00,42431.65,42613.56,1196.37856,1704074399999,50984893.27,44998,663.42024,28272133.75,0
            1704074400000000,42613.57,42638.41,42500.00,42581.10,685.21010,1704077999999999,29160469.13,30593,327.47418,13935789.64,0
            """);
        Assert.True(result.Succeeded);
        Assert.Equal(CandleCsvFormat.BinanceKline, result.Format);
        Assert.Same(Timeframe.H1, result.Timeframe);
        Assert.Equal(Utc(2024, 1, 1, 0), result.Candles[0].OpenTime);
        Assert.Equal(Utc(2024, 1, 1, 2), result.Candles[2].OpenTime);
        Assert.Equal(new Candle(Utc(2024, 1, 1, 1), 42475.23, 42775.00, 42431.65, 42613.56, 1196.37856), result.Candles[1]);
    }

    [Fact]
    public void Gaps_are_warnings_with_the_number_of_missing_candles()
    {
        var result = CandleCsvImporter.Import("""
            datetime,open,high,low,close,volume
            2024-01-01 00:00:00,1,1,1,1,0
            2024-01-01 00:01:00,1,1,1,1,0
            2024-01-01 00:04:00,1,1,1,1,0
            """, Timeframe.M1);
        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Candles.Length);
        Assert.Equal(2, result.MissingCandles);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(4, warning.LineNumber);
        Assert.Contains("2 missing 1m candle(s)", warning.Message);
    }

    [Fact]
    public void Malformed_rows_are_errors_with_line_number_and_reason()
    {
        var result = CandleCsvImporter.Import("""
            datetime,open,high,low,close,volume
            2024-01-01 00:00:00,100,101,99,100,1
            2024-01-01 00:01:00,100,abc,99,100,1
            2024-01-01 00:02:00,100,98,99,100,1
            2024-01-01 00:03:00,100,101,99,100
            2024-13-01 00:04:00,100,101,99,100,1
            2024-01-01 00:05:00,100,101,99,100,-1
            2024-01-01 00:06:00,100,101,99,100,1
            """, Timeframe.M1);
        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            "line 3: high 'abc' is not a number",
            "line 4: high 98 is below low 99",
            "line 5: expected 6 columns (datetime,open,high,low,close,volume), found 5",
            "line 6: datetime '2024-13-01 00:04:00' is not ISO 8601 or 'yyyy-MM-dd HH:mm:ss'",
            "line 7: volume must not be negative",
        ], result.Errors.Select(e => e.ToString()));
        Assert.Equal(5, result.ErrorCount);
    }

    [Fact]
    public void Rows_out_of_order_or_duplicated_are_errors_not_reordered()
    {
        var result = CandleCsvImporter.Import("""
            1704067200000,1,1,1,1,0,0,0,0,0,0,0
            1704067320000,1,1,1,1,0,0,0,0,0,0,0
            1704067260000,1,1,1,1,0,0,0,0,0,0,0
            1704067260000,1,1,1,1,0,0,0,0,0,0,0
            """, Timeframe.M1);
        Assert.False(result.Succeeded);
        Assert.Equal([3, 4], result.Errors.Select(e => e.LineNumber));
        Assert.Contains("not after the previous row", result.Errors[0].Message);
        Assert.Equal(4, result.Candles.Length);
    }

    [Fact]
    public void Binance_rows_need_twelve_columns_and_an_integer_time()
    {
        var result = CandleCsvImporter.Import("""
            1704067200000,1,1,1,1,0,0,0,0,0,0,0
            1704067260000,1,1,1,1,0
            1704067320000.5,1,1,1,1,0,0,0,0,0,0,0
            """);
        Assert.Equal(
        [
            "line 2: expected 12 columns (Binance kline), found 6",
            "line 3: open time '1704067320000.5' is not a whole number of milliseconds or microseconds",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Steps_off_the_timeframe_grid_are_errors()
    {
        var result = CandleCsvImporter.Import("""
            datetime,open,high,low,close,volume
            2024-01-01 00:00:00,1,1,1,1,0
            2024-01-01 00:01:00,1,1,1,1,0
            """, Timeframe.H1);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("not a multiple of the 1h timeframe", error.Message);
    }

    [Fact]
    public void Unknown_header_and_empty_file_are_errors()
    {
        var header = CandleCsvImporter.Import("time;open;high\n1;2;3\n");
        Assert.Equal(1, Assert.Single(header.Errors).LineNumber);
        Assert.Contains("unrecognised header", header.Errors[0].Message);
        var empty = CandleCsvImporter.Import("\n\n");
        Assert.Contains("no candles", Assert.Single(empty.Errors).Message);
    }

    [Fact]
    public void Quoted_fields_crlf_and_blank_lines_are_read_with_the_right_line_numbers()
    {
        var result = CandleCsvImporter.Import("datetime,open,high,low,close,volume\r\n\r\n\"2024-01-01 00:00:00\", 100 ,101,99,\"100.5\",10\r\n2024-01-01 00:01:00,1e2,101,99,100,x\r\n", Timeframe.M1);
        Assert.Equal(new Candle(Utc(2024, 1, 1), 100, 101, 99, 100.5, 10), Assert.Single(result.Candles));
        Assert.Equal("line 4: volume 'x' is not a number", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Plain_decimals_parse_to_the_same_double_as_double_parse()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-6, 9))).ToString("F" + random.Next(0, 12), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(CsvNumber.TryParseDouble(text, out var parsed));
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), parsed);
        }
        Assert.True(CsvNumber.TryParseDouble("-0.5", out var negative));
        Assert.Equal(-0.5, negative);
        Assert.True(CsvNumber.TryParseDouble("12345678901234567890.5", out var longer));
        Assert.Equal(12345678901234567890.5, longer);
        Assert.False(CsvNumber.TryParseDouble("1.2.3", out _));
        Assert.False(CsvNumber.TryParseDouble("", out _));
        Assert.False(CsvNumber.TryParseDouble("NaN", out _));
    }

    [Fact]
    public void A_large_stream_is_parsed_in_file_order_with_exact_line_numbers()
    {
        var text = new System.Text.StringBuilder();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int rows = 90_000;
        for (var i = 0; i < rows; i++)
        {
            if (i == 50_000) continue; // a gap: line numbers shift by one after it
            var ms = (long)(start.AddMinutes(i) - DateTime.UnixEpoch).TotalMilliseconds;
            var high = i == 70_000 ? "oops" : "102.25";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{ms},100.5,{high},99.75,101.125,{i}.5,{ms + 59_999},0,0,0,0,0\n");
        }
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        Assert.True(stream.Length > 4 << 20);
        var result = CandleCsvImporter.Import(stream, Timeframe.M1);

        Assert.Equal("line 70000: high 'oops' is not a number", Assert.Single(result.Errors).ToString());
        // The missing row and the rejected row both leave a gap; nothing is filled in.
        Assert.Equal([50_001, 70_001], result.Warnings.Select(w => w.LineNumber));
        Assert.Equal(2, result.MissingCandles);
        Assert.Equal(rows - 2, result.Candles.Length);
        for (var i = 1; i < result.Candles.Length; i++)
            Assert.True(result.Candles[i].OpenTime > result.Candles[i - 1].OpenTime);
        Assert.Equal(new Candle(start, 100.5, 102.25, 99.75, 101.125, 0.5), result.Candles[0]);
        Assert.Equal(89_999.5, result.Candles[^1].Volume);
    }

    [Theory]
    [InlineData("datetime,open,high,low,close,volume\n2024-01-01 00:00:00,1,2,1,2,5\n2024-01-01 00:01:00,2,3,2,3,6\n")]
    [InlineData("\uFEFFdatetime,open,high,low,close,volume\r\n\r\n2024-01-01 00:00:00,1,2,1,2,5\r\n2024-01-01 00:01:00,2,3,2,3,6")]
    [InlineData("datetime,open,high,low,close,volume\n2024-01-01 00:00:00,1,2,1,2,5\n2024-01-01 00:03:00,2,3,2,3,6\n\n\n")]
    [InlineData("1704067200000,1,2,1,2,5,0,0,0,0,0,0\n1704067260000,2,3,2,3,6,0,0,0,0,0,0")]
    [InlineData("1704067200000,1,2,1,2,5,0,0,0,0,0,0\nbad\n1704067320000,2,3,2,3,6,0,0,0,0,0,0\n")]
    [InlineData("\n\n1704067200000,1,2,1,2,5,0,0,0,0,0,0\r1704067260000,2,3,2,3,6,0,0,0,0,0,0\r")]
    [InlineData("")]
    public void A_file_reads_the_same_as_its_text(string csv)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var fromFile = CandleCsvImporter.ImportFile(path, Timeframe.M1);
            var fromText = CandleCsvImporter.Import(csv.TrimStart('\uFEFF'), Timeframe.M1);
            Assert.Equal(fromText.Candles, fromFile.Candles);
            Assert.Equal(fromText.Errors, fromFile.Errors);
            Assert.Equal(fromText.Warnings, fromFile.Warnings);
            Assert.Equal(fromText.Format, fromFile.Format);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_large_file_is_sized_by_its_lines_and_read_in_file_order()
    {
        var text = new System.Text.StringBuilder("datetime,open,high,low,close,volume\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 120_000; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{start.AddMinutes(i):yyyy-MM-dd HH:mm:ss},100.5,102.25,99.75,101.125,{i}.5\n");
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text.ToString());
            Assert.True(new FileInfo(path).Length > 4 << 20);
            var result = CandleCsvImporter.ImportFile(path, Timeframe.M1);
            Assert.True(result.Succeeded);
            Assert.Equal(120_000, result.Candles.Length);
            Assert.Equal(start.AddMinutes(119_999), result.Candles[^1].OpenTime);
            Assert.Equal(119_999.5, result.Candles[^1].Volume);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> LargeFileVariants => new()
    {
        "clean", "blank-and-bad-rows-around-the-split", "gap-across-the-split", "out-of-order-across-the-split",
        "many-bad-rows-in-both-halves", "header-crlf", "header-with-blank-lines-and-bom",
        // Binance rows the byte-level reader takes, and ones it hands back to the general reader.
        "crlf", "microsecond-times", "bad-row-in-the-tail-only", "exponents-and-quoted-fields",
    };

    /// <summary>
    /// A file of 160,000 rows (9 to 13 MB) is read in two halves on two threads: every variant, with its problems
    /// placed around the split in the middle, gives exactly what the one-thread read of the same text gives.
    /// </summary>
    [Theory]
    [MemberData(nameof(LargeFileVariants))]
    public void A_large_file_read_in_halves_matches_the_one_thread_read(string variant)
    {
        const int rows = 160_000;
        var header = variant.StartsWith("header", StringComparison.Ordinal);
        var newline = variant is "header-crlf" or "crlf" ? "\r\n" : "\n";
        var text = new System.Text.StringBuilder();
        if (variant == "header-with-blank-lines-and-bom") text.Append('\uFEFF').Append(newline).Append(newline);
        if (header) text.Append("datetime,open,high,low,close,volume").Append(newline);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var time = start.AddMinutes(i);
            var nearSplit = Math.Abs(i - rows / 2) <= 3;
            switch (variant)
            {
                case "blank-and-bad-rows-around-the-split" when i % 20_000 == 7 || (nearSplit && i % 2 == 0):
                    text.Append(newline);
                    if (i % 4 == 0) text.Append("1704067200000,oops,2,1,2,5,0,0,0,0,0,0").Append(newline);
                    break;
                case "gap-across-the-split" when nearSplit:
                    continue;
                case "out-of-order-across-the-split" when nearSplit:
                    time = start.AddMinutes(i - 5);
                    break;
                case "many-bad-rows-in-both-halves" when i % 400 == 3:
                    text.Append("1704067200000,1,2,1,2").Append(newline);
                    continue;
                case "header-with-blank-lines-and-bom" when i % 30_000 == 11:
                    text.Append("   ").Append(newline);
                    break;
                case "bad-row-in-the-tail-only" when i == rows * 3 / 4:
                    text.Append("1704067200000,1,2,1,2").Append(newline);
                    continue;
                case "exponents-and-quoted-fields" when i % 25_000 == 5:
                    var at = (long)(time - DateTime.UnixEpoch).TotalMilliseconds;
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{at},1.005e2,102.25, 99.75,\"101.125\",{i}.25,{at + 59_999},1.5,10,0.5,0.75,0").Append(newline);
                    continue;
            }
            var volume = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i}.25");
            if (header)
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd HH:mm:ss},100.5,102.25,99.75,101.125,{volume}").Append(newline);
            else
            {
                var ms = (long)(time - DateTime.UnixEpoch).TotalMilliseconds * (variant == "microsecond-times" ? 1000 : 1);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{ms},100.5,102.25,99.75,101.125,{volume},{ms + 59_999},1.5,10,0.5,0.75,0").Append(newline);
            }
        }
        var csv = text.ToString();
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Assert.True(new FileInfo(path).Length > 8 << 20);
            var halves = CandleCsvImporter.ImportInHalves(path, Timeframe.M1);
            Assert.NotNull(halves);
            var oneThread = CandleCsvImporter.Import(csv.TrimStart('\uFEFF'), Timeframe.M1);
            Assert.Equal(oneThread.Format, halves.Format);
            Assert.Equal(oneThread.Errors, halves.Errors);
            Assert.Equal(oneThread.Warnings, halves.Warnings);
            Assert.Equal(oneThread.ErrorCount, halves.ErrorCount);
            Assert.Equal(oneThread.WarningCount, halves.WarningCount);
            Assert.Equal(oneThread.MissingCandles, halves.MissingCandles);
            Assert.Equal(oneThread.Candles.Length, halves.Candles.Length);
            Assert.True(oneThread.Candles.AsSpan().SequenceEqual(halves.Candles));
            Assert.Equal(variant is "clean" or "header-crlf" or "header-with-blank-lines-and-bom" or "gap-across-the-split"
                or "crlf" or "microsecond-times" or "exponents-and-quoted-fields", halves.Succeeded);
            Assert.Equal(variant is "gap-across-the-split" or "out-of-order-across-the-split" or "many-bad-rows-in-both-halves"
                or "bad-row-in-the-tail-only", halves.MissingCandles > 0);
            Assert.Equal(halves, CandleCsvImporter.ImportFile(path, Timeframe.M1), ImportComparer.Instance);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_large_file_with_bare_carriage_returns_is_read_on_one_thread()
    {
        var text = new System.Text.StringBuilder();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 100_000; i++)
        {
            var ms = (long)(start.AddMinutes(i) - DateTime.UnixEpoch).TotalMilliseconds;
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{ms},100.5,102.25,99.75,101.125,1.5,{ms + 59_999},1.5,10,0.5,0.75,0").Append(i == 70_000 ? "\r" : "\n");
        }
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text.ToString());
            // Newlines would undercount the parser's rows after the bare CR, so the halves decline.
            Assert.Null(CandleCsvImporter.ImportInHalves(path, Timeframe.M1));
            var result = CandleCsvImporter.ImportFile(path, Timeframe.M1);
            Assert.True(result.Succeeded);
            Assert.Equal(100_000, result.Candles.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class ImportComparer : IEqualityComparer<CandleImportResult>
    {
        public static readonly ImportComparer Instance = new();

        public bool Equals(CandleImportResult? x, CandleImportResult? y) =>
            x is not null && y is not null && x.Format == y.Format && x.ErrorCount == y.ErrorCount && x.WarningCount == y.WarningCount
            && x.MissingCandles == y.MissingCandles && x.Errors.SequenceEqual(y.Errors) && x.Warnings.SequenceEqual(y.Warnings)
            && x.Candles.AsSpan().SequenceEqual(y.Candles);

        public int GetHashCode(CandleImportResult obj) => obj.Candles.Length;
    }

    [Fact]
    public void Timeframe_parses_all_binance_codes()
    {
        Assert.Equal("1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d", string.Join(' ', Timeframe.All.Select(t => t.Code)));
        Assert.Equal(TimeSpan.FromHours(4), Timeframe.Parse("4h").Duration);
        Assert.False(Timeframe.TryParse("7m", out _));
        Assert.Throws<FormatException>(() => Timeframe.Parse("1w"));
    }
}
