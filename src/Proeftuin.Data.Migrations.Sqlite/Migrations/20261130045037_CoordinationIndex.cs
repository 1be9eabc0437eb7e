using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoordinationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Status_DueDate",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Coordination",
                table: "Recommendations",
                columns: new[] { "NeighbourhoodId", "Pillars", "MeetingId", "CreatedAtUtc", "Status", "Level", "OwnerId", "DueDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Coordination",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Status_DueDate",
                table: "Recommendations",
                columns: new[] { "Status", "DueDate" });
        }
    }
}
