using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddWorkQueueAndBacktestProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "progress",
                table: "backtest_jobs",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTime>(
                name: "started_at",
                table: "backtest_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    payload = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    progress = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_items_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_items_claimable",
                table: "work_items",
                columns: new[] { "created_at", "id" },
                filter: "status IN ('pending', 'running')");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_job_id",
                table: "work_items",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_user_id_status",
                table: "work_items",
                columns: new[] { "user_id", "status" });

            // Wakes every node's worker when items commit (one notification per statement; NOTIFY waits for the commit).
            migrationBuilder.Sql("""
                CREATE FUNCTION work_items_notify_new() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('algotrade_work_queue', 'new');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER work_items_notify_new AFTER INSERT ON work_items
                    FOR EACH STATEMENT EXECUTE FUNCTION work_items_notify_new();
                """);

            // Jobs of the in-memory queue have no work item and no node that would ever finish them.
            migrationBuilder.Sql("""
                UPDATE backtest_jobs SET status = 'failed', error_message = 'Interrupted by a server upgrade; run it again.', updated_at = now()
                WHERE status IN ('pending', 'running');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS work_items_notify_new ON work_items; DROP FUNCTION IF EXISTS work_items_notify_new();");

            migrationBuilder.DropTable(
                name: "work_items");

            migrationBuilder.DropColumn(
                name: "progress",
                table: "backtest_jobs");

            migrationBuilder.DropColumn(
                name: "started_at",
                table: "backtest_jobs");
        }
    }
}
