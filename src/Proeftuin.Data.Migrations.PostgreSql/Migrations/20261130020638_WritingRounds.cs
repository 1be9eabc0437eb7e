using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WritingRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WritingRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Prompt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevealedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WritingRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WritingRounds_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WritingEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WritingEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WritingEntries_Professionals_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WritingEntries_WritingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "WritingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WritingEntries_AuthorId",
                table: "WritingEntries",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_WritingEntries_RoundId_AuthorId",
                table: "WritingEntries",
                columns: new[] { "RoundId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WritingRounds_MeetingId_OpenedAtUtc",
                table: "WritingRounds",
                columns: new[] { "MeetingId", "OpenedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WritingEntries");

            migrationBuilder.DropTable(
                name: "WritingRounds");
        }
    }
}
