using AlgoTrade.Cli.Commands;

namespace AlgoTrade.Cli;

public static class CliApp
{
    public const string Usage = """
        AlgoTrade command line

        Usage: algotrade <command> [options]

          db migrate                                 apply pending database migrations
          users create-admin --email E [--password P] create or promote an admin
                                                     (password also from ALGOTRADE_ADMIN_PASSWORD)
          backtest --config cfg.json --data candles.csv [--json]
                                                     backtest a strategy on a candle CSV (header
                                                     datetime,open,high,low,close,volume or Binance
                                                     klines); summary table, or results JSON with --json
          candles import --file F --exchange E --symbol S --timeframe T
                                                     store a candle CSV (either format above); idempotent,
                                                     a file with bad rows saves nothing
          candles download --symbol S --timeframe T --from D --to D [--exchange binance] [--base-url URL]
                                                     download what the store lacks of a period (a date --to
                                                     includes that day); exchange gaps are reported
          candles list                               stored series with their coverage and gaps
          exchange ping|symbols                      check an exchange, list its symbols
          exchange klines --symbol S --timeframe T [--limit N]   recent closed klines
          exchange account [--api-key K --api-secret S]          balances (also ALGOTRADE_API_KEY/_SECRET)
                                                     exchange commands take [--exchange binance|binance_testnet|
                                                     paper|simulated] and [--base-url URL]

          bots validate --file bot.json [--check-symbol]
                                                     check a bot's settings (keys = bot_configs columns) with
                                                     the validator the form and the runtime use
          strategies list [--json]                   every strategy and its parameters, the rule language
                                                     and the indicators rules may use
          strategies template NAME [--params JSON]   the rule document equivalent to built-in NAME
          strategies validate --file F               check a rule document (or {"strategy_type", "strategy_params"})
                                                     and list every problem with its path
          loadtest [--bots N] [--interval S] [--duration D] [--concurrency C] [--keep]
                                                     run N simulated paper bots through the real scheduler
                                                     and tick path; report tick lateness, overlaps, missed
                                                     ticks, rows/s and CPU (exit 1 on overlaps or misses)
          logs seed [--rows 5000000] [--users 50] [--bots 200] [--days 90] [--keep-indexes]
                                                     synthetic users, bots and activity logs (docs/admin.md)
          logs bench [--runs 5] [--page-size 50] [--pages 100]
                                                     time every explorer query shape, first and deep pages
          email test --to ADDRESS                    send one test email with the app's SMTP settings
                                                     (Smtp__Host, __Port, __Security, __From, __Username,
                                                     __Password; --smtp-host/-port/-security/-from/-username
                                                     override) and print the server's reply; exit 1 if not sent

        Database commands read ConnectionStrings__Default or --connection.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        try
        {
            var parsed = CliArgs.Parse(args, CliArgs.Flags);
            var words = parsed.Positionals;
            if (words.Count == 0 || parsed.Has("help"))
            {
                await stdout.WriteLineAsync(Usage);
                return words.Count == 0 && !parsed.Has("help") ? 2 : 0;
            }
            return (words.ElementAtOrDefault(0), words.ElementAtOrDefault(1)) switch
            {
                ("db", "migrate") => await DbCommands.MigrateAsync(parsed, stdout, ct),
                ("users", "create-admin") => await UserCommands.CreateAdminAsync(parsed, stdout, ct),
                ("logs", "seed") => await LogSeedCommand.RunAsync(parsed, stdout, ct),
                ("logs", "bench") => await LogBenchCommand.RunAsync(parsed, stdout, ct),
                ("backtest", null) => await BacktestCommand.RunAsync(parsed, stdout, stderr, ct),
                ("candles", "import") => await CandleCommands.ImportAsync(parsed, stdout, stderr, ct),
                ("candles", "download") => await CandleCommands.DownloadAsync(parsed, stdout, stderr, ct),
                ("candles", "list") => await CandleCommands.ListAsync(parsed, stdout, ct),
                ("exchange", "ping") => await ExchangeCommands.PingAsync(parsed, stdout, stderr, ct),
                ("exchange", "symbols") => await ExchangeCommands.SymbolsAsync(parsed, stdout, stderr, ct),
                ("exchange", "klines") => await ExchangeCommands.KlinesAsync(parsed, stdout, stderr, ct),
                ("exchange", "account") => await ExchangeCommands.AccountAsync(parsed, stdout, stderr, ct),
                ("loadtest", null) => await LoadTestCommand.RunAsync(parsed, stdout, ct),
                ("bots", "validate") => await BotCommands.ValidateAsync(parsed, stdout, ct),
                ("strategies", "list") => await StrategyCommands.ListAsync(parsed, stdout),
                ("strategies", "template") => await StrategyCommands.TemplateAsync(parsed, stdout),
                ("strategies", "validate") => await StrategyCommands.ValidateAsync(parsed, stdout, ct),
                ("email", "test") => await EmailCommands.TestAsync(parsed, stdout, stderr, ct),
                _ => throw new CliException($"Unknown command '{string.Join(' ', words)}'. Run with --help to list commands."),
            };
        }
        catch (CliException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return 2;
        }
    }
}
