using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainHmac : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows already in the log were sealed with plain SHA-256 (AuditChain.Sha256 = 1) and keep verifying that
            // way; the app seals every new row with HMAC-SHA256 (2). See docs/decisions/0010.
            migrationBuilder.AddColumn<int>(
                name: "ChainVersion",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChainVersion",
                table: "AuditEntries");
        }
    }
}
