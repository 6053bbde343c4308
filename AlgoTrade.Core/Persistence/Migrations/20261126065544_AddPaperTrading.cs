using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddPaperTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "paper_balances",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bot_config_id = table.Column<int>(type: "integer", nullable: false),
                    asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    free = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    locked = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_balances", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_balances_bot_configs_bot_config_id",
                        column: x => x.bot_config_id,
                        principalTable: "bot_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_orders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bot_config_id = table.Column<int>(type: "integer", nullable: false),
                    exchange_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    client_order_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    side = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    order_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    executed_quantity = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    cumulative_quote_quantity = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    commission = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    commission_asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reserved_amount = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    reserved_asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_orders_bot_configs_bot_config_id",
                        column: x => x.bot_config_id,
                        principalTable: "bot_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_paper_balances_bot_config_id_asset",
                table: "paper_balances",
                columns: new[] { "bot_config_id", "asset" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_bot_config_id_client_order_id",
                table: "paper_orders",
                columns: new[] { "bot_config_id", "client_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_bot_config_id_status",
                table: "paper_orders",
                columns: new[] { "bot_config_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_balances");

            migrationBuilder.DropTable(
                name: "paper_orders");
        }
    }
}
