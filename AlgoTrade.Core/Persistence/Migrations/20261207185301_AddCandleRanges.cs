using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddCandleRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "candle_ranges",
                columns: table => new
                {
                    exchange = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    timeframe = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    range_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    range_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    candles = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candle_ranges", x => new { x.exchange, x.symbol, x.timeframe, x.range_from });
                    table.CheckConstraint("ck_candle_ranges_nonempty", "range_to > range_from AND candles > 0");
                });

            // The ranges of the candles already stored: unbroken runs per series and grid position (gaps and islands:
            // open time in ms minus row_number() x step is constant within a run). From here on CandleStore keeps them.
            migrationBuilder.Sql("""
                WITH steps (timeframe, step_ms) AS (
                    VALUES ('1m', 60000::bigint), ('3m', 180000), ('5m', 300000), ('15m', 900000), ('30m', 1800000),
                           ('1h', 3600000), ('2h', 7200000), ('4h', 14400000), ('6h', 21600000), ('8h', 28800000),
                           ('12h', 43200000), ('1d', 86400000)
                ),
                timed AS (
                    SELECT c.exchange, c.symbol, c.timeframe, c.open_time, s.step_ms,
                           (extract(epoch FROM c.open_time) * 1000)::bigint AS ms
                    FROM candles c JOIN steps s ON s.timeframe = c.timeframe
                ),
                numbered AS (
                    SELECT exchange, symbol, timeframe, open_time, step_ms, ms % step_ms AS phase,
                           ms - step_ms * row_number() OVER (PARTITION BY exchange, symbol, timeframe, ms % step_ms ORDER BY open_time) AS island
                    FROM timed
                )
                INSERT INTO candle_ranges (exchange, symbol, timeframe, range_from, range_to, candles)
                SELECT exchange, symbol, timeframe, min(open_time), max(open_time) + step_ms * interval '1 millisecond', count(*)
                FROM numbered
                GROUP BY exchange, symbol, timeframe, step_ms, phase, island
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candle_ranges");
        }
    }
}
