using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdminArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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

            // IF NOT EXISTS: on a large live table an operator can build these first with CREATE INDEX CONCURRENTLY
            // under the same names (docs/admin.md), and the migration then skips them instead of blocking writes.
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_bot_activity_logs_bot_config_id_log_level_timestamp_id
                    ON bot_activity_logs (bot_config_id, log_level, "timestamp" DESC, id DESC);
                CREATE INDEX IF NOT EXISTS ix_bot_activity_logs_user_id_timestamp_id
                    ON bot_activity_logs (user_id, "timestamp" DESC, id DESC);
                CREATE INDEX IF NOT EXISTS ix_bot_activity_logs_message_trgm
                    ON bot_activity_logs USING gin (message gin_trgm_ops);
                """);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_audit_log");

            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropIndex(
                name: "ix_bot_activity_logs_bot_config_id_log_level_timestamp_id",
                table: "bot_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_bot_activity_logs_message_trgm",
                table: "bot_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_bot_activity_logs_user_id_timestamp_id",
                table: "bot_activity_logs");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
