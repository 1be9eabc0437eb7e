using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SocialMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialMapEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Practice = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Reach = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Availability = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialMapEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialMapEntries_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SocialMapEntries_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialMapEntries_NeighbourhoodId_ProfessionalId",
                table: "SocialMapEntries",
                columns: new[] { "NeighbourhoodId", "ProfessionalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialMapEntries_ProfessionalId",
                table: "SocialMapEntries",
                column: "ProfessionalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialMapEntries");
        }
    }
}
