using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AgreementRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "NeighbourhoodAgreements",
                type: "int",
                nullable: false,
                defaultValue: 1); // agreements adopted before revisions existed are version 1, like new ones

            migrationBuilder.CreateTable(
                name: "AgreementRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PreviousVersion = table.Column<int>(type: "int", nullable: false),
                    PreviousTitle = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    PreviousText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PreviousReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    RevisedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevisedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementRevisions_NeighbourhoodAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "NeighbourhoodAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementRevisions_Professionals_RevisedById",
                        column: x => x.RevisedById,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRevisions_AgreementId_RevisedAtUtc",
                table: "AgreementRevisions",
                columns: new[] { "AgreementId", "RevisedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRevisions_RevisedById",
                table: "AgreementRevisions",
                column: "RevisedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementRevisions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "NeighbourhoodAgreements");
        }
    }
}
