using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DismissalTextHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Dismissals kept the flagged text in plain text (possibly a name). The key that hashes them now is not
            // available to a migration, so the old rows are removed: a removed dismissal only makes the guard stricter
            // (the finding is open again and can be dismissed once more, now stored as a keyed hash).
            migrationBuilder.Sql("DELETE FROM [CaseFindingDismissals];");

            migrationBuilder.DropColumn(
                name: "NormalizedText",
                table: "CaseFindingDismissals");

            migrationBuilder.AddColumn<string>(
                name: "TextHash",
                table: "CaseFindingDismissals",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextHash",
                table: "CaseFindingDismissals");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedText",
                table: "CaseFindingDismissals",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }
    }
}
