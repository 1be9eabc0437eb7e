using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search of the archive with the 'dutch' configuration (see PostgreSqlArchiveSearch). Expression
            // indexes, so existing rows are indexed at once and the EF model does not change. The expressions must stay
            // exactly those of the queries, or PostgreSQL will not use the index.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_CaseFiles_ArchiveSearch" ON "CaseFiles"
                USING GIN (to_tsvector('dutch', "Code" || ' ' || "Title" || ' ' || "Text"));
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Recommendations_ArchiveSearch" ON "Recommendations"
                USING GIN (to_tsvector('dutch', "Text"));
                """);

            // Only a final verslag is searched; a draft has no FinalText.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_MeetingMinutes_ArchiveSearch" ON "MeetingMinutes"
                USING GIN (to_tsvector('dutch', "FinalText")) WHERE "FinalText" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_MeetingMinutes_ArchiveSearch";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Recommendations_ArchiveSearch";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_ArchiveSearch";""");
        }
    }
}
