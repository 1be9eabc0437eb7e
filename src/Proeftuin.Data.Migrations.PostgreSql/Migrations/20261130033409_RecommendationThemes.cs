using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecommendationThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Synthesis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecommendationIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationThemes_Professionals_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationThemes_CreatedById",
                table: "RecommendationThemes",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationThemes_UpdatedAtUtc",
                table: "RecommendationThemes",
                column: "UpdatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationThemes");
        }
    }
}
