using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to create: on SQL Server the archive search is a LIKE fallback (SqlServerArchiveSearch), over
            // cases, recommendations and final verslagen alike. Real full
            // text (CONTAINS/FREETEXT, Dutch LCID 1043) needs the Full-Text Search feature, which is not installed by default.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing was created in Up.
        }
    }
}
