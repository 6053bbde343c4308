using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    hashed_password = table.Column<string>(type: "text", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "Trader"),
                    failed_login_count = table.Column<int>(type: "integer", nullable: false),
                    lockout_end_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    security_stamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_login_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.CheckConstraint("ck_users_email_lower", "email = lower(email)");
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    encrypted_api_key = table.Column<string>(type: "text", nullable: false),
                    encrypted_secret_key = table.Column<string>(type: "text", nullable: false),
                    exchange_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, defaultValue: "binance"),
                    is_valid = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    masked_key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_validated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    validation_message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    can_withdraw = table.Column<bool>(type: "boolean", nullable: true),
                    ip_restricted = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "backtest_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "pending"),
                    config = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    results = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    error_message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_backtest_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_backtest_jobs_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bot_configs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    timeframe = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    exchange_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, defaultValue: "binance"),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    strategy_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    strategy_params = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    initial_capital = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    daily_target_perc = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    max_daily_loss_perc = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    position_size_perc = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    position_size_fixed = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    stop_loss_perc = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    take_profit_perc = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    trailing_stop_perc = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    trailing_stop_active = table.Column<bool>(type: "boolean", nullable: false),
                    check_interval_seconds = table.Column<int>(type: "integer", nullable: false),
                    partial_take_profits_config = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    max_trade_duration_hours = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_configs", x => x.id);
                    table.ForeignKey(
                        name: "fk_bot_configs_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_notification_preferences",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    notification_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    webhook_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    webhook_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_notification_preferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_notification_preferences_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bot_activity_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bot_config_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    log_level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    details = table.Column<JsonDocument>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_activity_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_bot_activity_logs_bot_configs_bot_config_id",
                        column: x => x.bot_config_id,
                        principalTable: "bot_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bot_activity_logs_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bot_state",
                columns: table => new
                {
                    bot_config_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "stopped"),
                    in_position = table.Column<bool>(type: "boolean", nullable: false),
                    entry_price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    current_position_size_coins = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    trailing_stop_price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    max_price_since_entry = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    take_profit_price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    stop_loss_price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    daily_pnl = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    daily_trades_count = table.Column<int>(type: "integer", nullable: false),
                    last_run_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_state", x => x.bot_config_id);
                    table.ForeignKey(
                        name: "fk_bot_state_bot_configs_bot_config_id",
                        column: x => x.bot_config_id,
                        principalTable: "bot_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bot_config_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    binance_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    side = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    order_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    quantity_filled = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    quote_quantity_filled = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    commission_amount = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: false),
                    commission_asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    pnl = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true),
                    entry_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    exit_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    client_order_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trades", x => x.id);
                    table.ForeignKey(
                        name: "fk_trades_bot_configs_bot_config_id",
                        column: x => x.bot_config_id,
                        principalTable: "bot_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_trades_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id_exchange_name",
                table: "api_keys",
                columns: new[] { "user_id", "exchange_name" });

            migrationBuilder.CreateIndex(
                name: "ix_backtest_jobs_user_id_created_at",
                table: "backtest_jobs",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_activity_logs_bot_config_id_timestamp_id",
                table: "bot_activity_logs",
                columns: new[] { "bot_config_id", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bot_activity_logs_log_level_timestamp_id",
                table: "bot_activity_logs",
                columns: new[] { "log_level", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bot_activity_logs_timestamp_id",
                table: "bot_activity_logs",
                columns: new[] { "timestamp", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_bot_activity_logs_user_id_log_level_timestamp_id",
                table: "bot_activity_logs",
                columns: new[] { "user_id", "log_level", "timestamp", "id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bot_configs_is_active",
                table: "bot_configs",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_bot_configs_user_id",
                table: "bot_configs",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_trades_bot_config_id_client_order_id",
                table: "trades",
                columns: new[] { "bot_config_id", "client_order_id" },
                unique: true,
                filter: "client_order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_trades_bot_config_id_timestamp",
                table: "trades",
                columns: new[] { "bot_config_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_trades_user_id_timestamp",
                table: "trades",
                columns: new[] { "user_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_user_notification_preferences_user_id_notification_type",
                table: "user_notification_preferences",
                columns: new[] { "user_id", "notification_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                table: "users",
                column: "email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "backtest_jobs");

            migrationBuilder.DropTable(
                name: "bot_activity_logs");

            migrationBuilder.DropTable(
                name: "bot_state");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "trades");

            migrationBuilder.DropTable(
                name: "user_notification_preferences");

            migrationBuilder.DropTable(
                name: "bot_configs");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
