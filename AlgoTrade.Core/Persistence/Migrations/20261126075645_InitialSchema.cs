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
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "app_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_settings", x => x.key);
                });

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
                    last_login_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    notification_signing_secret = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.CheckConstraint("ck_users_email_lower", "email = lower(email)");
                });

            migrationBuilder.CreateTable(
                name: "admin_audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    admin_user_id = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    details = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_audit_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_admin_audit_log_users_admin_user_id",
                        column: x => x.admin_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                    last_updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    last_candle_open_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    engine_state = table.Column<string>(type: "jsonb", nullable: true),
                    order_sequence = table.Column<int>(type: "integer", nullable: false),
                    pending_orders = table.Column<string>(type: "jsonb", nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    force_exit_requested = table.Column<bool>(type: "boolean", nullable: false),
                    last_price = table.Column<decimal>(type: "numeric(30,12)", precision: 30, scale: 12, nullable: true)
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
                name: "ix_admin_audit_log_admin_user_id_timestamp",
                table: "admin_audit_log",
                columns: new[] { "admin_user_id", "timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_admin_audit_log_timestamp_id",
                table: "admin_audit_log",
                columns: new[] { "timestamp", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id_exchange_name",
                table: "api_keys",
                columns: new[] { "user_id", "exchange_name" });

            migrationBuilder.CreateIndex(
                name: "ix_backtest_jobs_user_id_created_at",
                table: "backtest_jobs",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_activity_logs_bot_config_id_log_level_timestamp_id",
                table: "bot_activity_logs",
                columns: new[] { "bot_config_id", "log_level", "timestamp", "id" },
                descending: new[] { false, false, true, true });

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
                name: "ix_bot_activity_logs_message_trgm",
                table: "bot_activity_logs",
                column: "message")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                name: "ix_bot_activity_logs_user_id_timestamp_id",
                table: "bot_activity_logs",
                columns: new[] { "user_id", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bot_configs_is_active",
                table: "bot_configs",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_bot_configs_user_id",
                table: "bot_configs",
                column: "user_id");

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

            // Quartz.NET's ADO.NET job store for the clustered scheduler mode: Quartz.NET 4.7.3's PostgreSQL schema
            // (its published tables_postgres.sql plus the 4.x migrations up to 4.7, i.e. exactly what 4.7.3 validates
            // at start-up). Our migration owns these tables; Quartz is never asked to create them.
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_blob_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    blob_data bytea
                );

                CREATE TABLE qrtz_calendars (
                    sched_name text NOT NULL,
                    calendar_name text NOT NULL,
                    calendar bytea NOT NULL
                );

                CREATE TABLE qrtz_cron_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    cron_expression text NOT NULL,
                    time_zone_id text
                );

                CREATE TABLE qrtz_execution_history (
                    sched_name text NOT NULL,
                    entry_id text NOT NULL,
                    instance_name text NOT NULL,
                    job_name text NOT NULL,
                    job_group text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    fired_time bigint NOT NULL,
                    run_time bigint NOT NULL,
                    succeeded boolean NOT NULL,
                    error_message text,
                    retry_attempt integer DEFAULT 0 NOT NULL,
                    retry_scheduled boolean DEFAULT false NOT NULL,
                    execution_log text,
                    result integer,
                    summary text,
                    metrics text,
                    manual boolean,
                    fire_instance_id text,
                    job_input text,
                    job_input_too_large boolean
                );

                CREATE TABLE qrtz_fired_triggers (
                    sched_name text NOT NULL,
                    entry_id text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    instance_name text NOT NULL,
                    fired_time bigint NOT NULL,
                    sched_time bigint NOT NULL,
                    priority integer NOT NULL,
                    state text NOT NULL,
                    job_name text,
                    job_group text,
                    is_nonconcurrent boolean NOT NULL,
                    requests_recovery boolean,
                    execution_group character varying(200),
                    progress integer,
                    progress_message character varying(250),
                    interrupt_requested_time bigint
                );

                CREATE TABLE qrtz_job_details (
                    sched_name text NOT NULL,
                    job_name text NOT NULL,
                    job_group text NOT NULL,
                    description text,
                    job_class_name text NOT NULL,
                    is_durable boolean NOT NULL,
                    is_nonconcurrent boolean NOT NULL,
                    is_update_data boolean NOT NULL,
                    requests_recovery boolean NOT NULL,
                    job_data bytea
                );

                CREATE TABLE qrtz_job_status (
                    sched_name text NOT NULL,
                    job_group text NOT NULL,
                    job_name text NOT NULL,
                    first_fired_time bigint NOT NULL,
                    last_fired_time bigint NOT NULL,
                    last_result integer NOT NULL,
                    last_run_time bigint NOT NULL,
                    last_instance_name text NOT NULL,
                    last_entry_id text,
                    last_summary text,
                    last_success_time bigint,
                    last_failure_time bigint,
                    last_failure_message text,
                    consecutive_failures integer DEFAULT 0 NOT NULL,
                    run_count bigint DEFAULT 0 NOT NULL,
                    failure_count bigint DEFAULT 0 NOT NULL
                );

                CREATE TABLE qrtz_locks (
                    sched_name text NOT NULL,
                    lock_name text NOT NULL
                );

                CREATE TABLE qrtz_misfire_history (
                    sched_name text NOT NULL,
                    entry_id text NOT NULL,
                    instance_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    job_name text,
                    job_group text,
                    misfire_time bigint NOT NULL,
                    sched_time bigint,
                    reason integer
                );

                CREATE TABLE qrtz_paused_job_grps (
                    sched_name text NOT NULL,
                    job_group text NOT NULL,
                    pause_reason character varying(250),
                    paused_by character varying(200),
                    paused_at bigint
                );

                CREATE TABLE qrtz_paused_trigger_grps (
                    sched_name text NOT NULL,
                    trigger_group text NOT NULL,
                    pause_reason character varying(250),
                    paused_by character varying(200),
                    paused_at bigint
                );

                CREATE TABLE qrtz_scheduler_state (
                    sched_name text NOT NULL,
                    instance_name text NOT NULL,
                    last_checkin_time bigint NOT NULL,
                    checkin_interval bigint NOT NULL,
                    quartz_version character varying(20)
                );

                CREATE TABLE qrtz_simple_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    repeat_count bigint NOT NULL,
                    repeat_interval bigint NOT NULL,
                    times_triggered bigint NOT NULL
                );

                CREATE TABLE qrtz_simprop_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    str_prop_1 text,
                    str_prop_2 text,
                    str_prop_3 text,
                    int_prop_1 integer,
                    int_prop_2 integer,
                    long_prop_1 bigint,
                    long_prop_2 bigint,
                    dec_prop_1 numeric,
                    dec_prop_2 numeric,
                    bool_prop_1 boolean,
                    bool_prop_2 boolean,
                    time_zone_id text
                );

                CREATE TABLE qrtz_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    job_name text NOT NULL,
                    job_group text NOT NULL,
                    description text,
                    next_fire_time bigint,
                    prev_fire_time bigint,
                    priority integer,
                    trigger_state text NOT NULL,
                    trigger_type text NOT NULL,
                    start_time bigint NOT NULL,
                    end_time bigint,
                    calendar_name text,
                    misfire_instr smallint,
                    misfire_orig_fire_time bigint,
                    execution_group character varying(200),
                    preferred_node character varying(200),
                    preferred_node_auto boolean DEFAULT false NOT NULL,
                    retry_policy character varying(250),
                    retry_attempt integer,
                    continues_trigger_name text,
                    continues_trigger_group text,
                    continuation_condition integer,
                    overlap_policy integer,
                    pause_reason character varying(250),
                    paused_by character varying(200),
                    paused_at bigint,
                    misfire_threshold bigint,
                    fixed_delay boolean,
                    job_data bytea
                );

                ALTER TABLE ONLY qrtz_blob_triggers
                    ADD CONSTRAINT qrtz_blob_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);

                ALTER TABLE ONLY qrtz_calendars
                    ADD CONSTRAINT qrtz_calendars_pkey PRIMARY KEY (sched_name, calendar_name);

                ALTER TABLE ONLY qrtz_cron_triggers
                    ADD CONSTRAINT qrtz_cron_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);

                ALTER TABLE ONLY qrtz_execution_history
                    ADD CONSTRAINT qrtz_execution_history_pkey PRIMARY KEY (sched_name, entry_id);

                ALTER TABLE ONLY qrtz_fired_triggers
                    ADD CONSTRAINT qrtz_fired_triggers_pkey PRIMARY KEY (sched_name, entry_id);

                ALTER TABLE ONLY qrtz_job_details
                    ADD CONSTRAINT qrtz_job_details_pkey PRIMARY KEY (sched_name, job_name, job_group);

                ALTER TABLE ONLY qrtz_job_status
                    ADD CONSTRAINT qrtz_job_status_pkey PRIMARY KEY (sched_name, job_group, job_name);

                ALTER TABLE ONLY qrtz_locks
                    ADD CONSTRAINT qrtz_locks_pkey PRIMARY KEY (sched_name, lock_name);

                ALTER TABLE ONLY qrtz_misfire_history
                    ADD CONSTRAINT qrtz_misfire_history_pkey PRIMARY KEY (sched_name, entry_id);

                ALTER TABLE ONLY qrtz_paused_job_grps
                    ADD CONSTRAINT qrtz_paused_job_grps_pkey PRIMARY KEY (sched_name, job_group);

                ALTER TABLE ONLY qrtz_paused_trigger_grps
                    ADD CONSTRAINT qrtz_paused_trigger_grps_pkey PRIMARY KEY (sched_name, trigger_group);

                ALTER TABLE ONLY qrtz_scheduler_state
                    ADD CONSTRAINT qrtz_scheduler_state_pkey PRIMARY KEY (sched_name, instance_name);

                ALTER TABLE ONLY qrtz_simple_triggers
                    ADD CONSTRAINT qrtz_simple_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);

                ALTER TABLE ONLY qrtz_simprop_triggers
                    ADD CONSTRAINT qrtz_simprop_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);

                ALTER TABLE ONLY qrtz_triggers
                    ADD CONSTRAINT qrtz_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);

                CREATE INDEX idx_qrtz_eh_fire_inst ON qrtz_execution_history USING btree (sched_name, fire_instance_id);

                CREATE INDEX idx_qrtz_eh_fired_time ON qrtz_execution_history USING btree (sched_name, fired_time);

                CREATE INDEX idx_qrtz_eh_inst ON qrtz_execution_history USING btree (sched_name, instance_name);

                CREATE INDEX idx_qrtz_eh_job_time ON qrtz_execution_history USING btree (sched_name, job_group, job_name, fired_time);

                CREATE INDEX idx_qrtz_eh_trig_time ON qrtz_execution_history USING btree (sched_name, trigger_group, trigger_name, fired_time);

                CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers USING btree (sched_name, instance_name, requests_recovery);

                CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers USING btree (sched_name, job_name, job_group);

                CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers USING btree (sched_name, trigger_name, trigger_group);

                CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details USING btree (sched_name, job_group, job_name);

                CREATE INDEX idx_qrtz_mh_inst ON qrtz_misfire_history USING btree (sched_name, instance_name);

                CREATE INDEX idx_qrtz_mh_misfire_time ON qrtz_misfire_history USING btree (sched_name, misfire_time);

                CREATE INDEX idx_qrtz_t_c ON qrtz_triggers USING btree (sched_name, calendar_name);

                CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers USING btree (sched_name, trigger_group, trigger_name);

                CREATE INDEX idx_qrtz_t_j ON qrtz_triggers USING btree (sched_name, job_name, job_group);

                CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers USING btree (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);

                ALTER TABLE ONLY qrtz_blob_triggers
                    ADD CONSTRAINT qrtz_blob_triggers_sched_name_trigger_name_trigger_group_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;

                ALTER TABLE ONLY qrtz_cron_triggers
                    ADD CONSTRAINT qrtz_cron_triggers_sched_name_trigger_name_trigger_group_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;

                ALTER TABLE ONLY qrtz_simple_triggers
                    ADD CONSTRAINT qrtz_simple_triggers_sched_name_trigger_name_trigger_group_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;

                ALTER TABLE ONLY qrtz_simprop_triggers
                    ADD CONSTRAINT qrtz_simprop_triggers_sched_name_trigger_name_trigger_grou_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;

                ALTER TABLE ONLY qrtz_triggers
                    ADD CONSTRAINT qrtz_triggers_sched_name_job_name_job_group_fkey FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details(sched_name, job_name, job_group);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS qrtz_blob_triggers, qrtz_calendars, qrtz_cron_triggers, qrtz_execution_history, qrtz_fired_triggers, qrtz_job_details, qrtz_job_status, qrtz_locks, qrtz_misfire_history, qrtz_paused_job_grps, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_simple_triggers, qrtz_simprop_triggers, qrtz_triggers CASCADE;
                """);

            migrationBuilder.DropTable(
                name: "admin_audit_log");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropTable(
                name: "backtest_jobs");

            migrationBuilder.DropTable(
                name: "bot_activity_logs");

            migrationBuilder.DropTable(
                name: "bot_state");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "paper_balances");

            migrationBuilder.DropTable(
                name: "paper_orders");

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
