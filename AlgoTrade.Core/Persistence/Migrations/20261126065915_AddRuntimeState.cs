using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddRuntimeState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "consecutive_failures",
                table: "bot_state",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "engine_state",
                table: "bot_state",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "force_exit_requested",
                table: "bot_state",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_candle_open_time",
                table: "bot_state",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "last_price",
                table: "bot_state",
                type: "numeric(30,12)",
                precision: 30,
                scale: 12,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "order_sequence",
                table: "bot_state",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "pending_orders",
                table: "bot_state",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "consecutive_failures",
                table: "bot_state");

            migrationBuilder.DropColumn(
                name: "engine_state",
                table: "bot_state");

            migrationBuilder.DropColumn(
                name: "force_exit_requested",
                table: "bot_state");

            migrationBuilder.DropColumn(
                name: "last_candle_open_time",
                table: "bot_state");

            migrationBuilder.DropColumn(
                name: "last_price",
                table: "bot_state");

            migrationBuilder.DropColumn(
                name: "order_sequence",
                table: "bot_state");

            migrationBuilder.DropColumn(
                name: "pending_orders",
                table: "bot_state");
        }
    }
}
