using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlgoTrade.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddSweeps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sweeps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "pending"),
                    definition = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    total_points = table.Column<long>(type: "bigint", nullable: false),
                    evaluated_points = table.Column<long>(type: "bigint", nullable: false),
                    best = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    error_message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sweeps", x => x.id);
                    table.ForeignKey(
                        name: "fk_sweeps_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sweep_evaluations",
                columns: table => new
                {
                    sweep_id = table.Column<Guid>(type: "uuid", nullable: false),
                    point_index = table.Column<long>(type: "bigint", nullable: false),
                    @params = table.Column<JsonDocument>(name: "params", type: "jsonb", nullable: false),
                    in_sample = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    out_of_sample = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    in_sample_score = table.Column<double>(type: "double precision", nullable: true),
                    out_of_sample_score = table.Column<double>(type: "double precision", nullable: true),
                    in_sample_trades = table.Column<int>(type: "integer", nullable: true),
                    meets_constraints = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sweep_evaluations", x => new { x.sweep_id, x.point_index });
                    table.ForeignKey(
                        name: "fk_sweep_evaluations_sweeps_sweep_id",
                        column: x => x.sweep_id,
                        principalTable: "sweeps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sweep_evaluations_sweep_id_in_sample_score",
                table: "sweep_evaluations",
                columns: new[] { "sweep_id", "in_sample_score" });

            migrationBuilder.CreateIndex(
                name: "ix_sweeps_user_id_created_at",
                table: "sweeps",
                columns: new[] { "user_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sweep_evaluations");

            migrationBuilder.DropTable(
                name: "sweeps");
        }
    }
}
