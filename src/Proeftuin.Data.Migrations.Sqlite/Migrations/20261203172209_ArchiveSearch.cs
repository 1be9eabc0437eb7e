using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search of the archive (see Proeftuin.Data/Archive). Raw SQL only: the EF model does not change.
            // ArchiveSearchIndex holds the Dutch stems of each text (stemmed in C#, SQLite has no Dutch stemmer);
            // ArchiveSearchEntries maps its rowid to the case, recommendation or final verslag, and triggers mark an entry stale whenever
            // a text is written, so SqliteArchiveIndex re-stems it before the next search. A later migration that
            // rebuilds CaseFiles, Recommendations or MeetingMinutes (EF's SQLite table rebuild) drops these triggers and must create them again.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArchiveSearchIndex USING fts5(Stems, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                CREATE TABLE ArchiveSearchEntries (
                    RowId INTEGER PRIMARY KEY,
                    Kind TEXT NOT NULL,
                    EntityId TEXT NOT NULL UNIQUE,
                    NeighbourhoodId TEXT NOT NULL,
                    Stale INTEGER NOT NULL
                );
                """);
            migrationBuilder.Sql("CREATE INDEX IX_ArchiveSearchEntries_Stale ON ArchiveSearchEntries (RowId) WHERE Stale = 1;");
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_CaseFiles_Insert AFTER INSERT ON CaseFiles BEGIN
                    INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale) VALUES ('case', NEW.Id, NEW.NeighbourhoodId, 1)
                    ON CONFLICT (EntityId) DO UPDATE SET Stale = 1, NeighbourhoodId = excluded.NeighbourhoodId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_CaseFiles_Update AFTER UPDATE OF Code, Title, Text, NeighbourhoodId ON CaseFiles BEGIN
                    INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale) VALUES ('case', NEW.Id, NEW.NeighbourhoodId, 1)
                    ON CONFLICT (EntityId) DO UPDATE SET Stale = 1, NeighbourhoodId = excluded.NeighbourhoodId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_CaseFiles_Delete AFTER DELETE ON CaseFiles BEGIN
                    DELETE FROM ArchiveSearchIndex WHERE rowid = (SELECT RowId FROM ArchiveSearchEntries WHERE EntityId = OLD.Id);
                    DELETE FROM ArchiveSearchEntries WHERE EntityId = OLD.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_Recommendations_Insert AFTER INSERT ON Recommendations BEGIN
                    INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale) VALUES ('recommendation', NEW.Id, NEW.NeighbourhoodId, 1)
                    ON CONFLICT (EntityId) DO UPDATE SET Stale = 1, NeighbourhoodId = excluded.NeighbourhoodId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_Recommendations_Update AFTER UPDATE OF Text, NeighbourhoodId ON Recommendations BEGIN
                    INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale) VALUES ('recommendation', NEW.Id, NEW.NeighbourhoodId, 1)
                    ON CONFLICT (EntityId) DO UPDATE SET Stale = 1, NeighbourhoodId = excluded.NeighbourhoodId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_Recommendations_Delete AFTER DELETE ON Recommendations BEGIN
                    DELETE FROM ArchiveSearchIndex WHERE rowid = (SELECT RowId FROM ArchiveSearchEntries WHERE EntityId = OLD.Id);
                    DELETE FROM ArchiveSearchEntries WHERE EntityId = OLD.Id;
                END;
                """);

            // A verslag is searchable once it is final: the entry follows FinalText (null for a draft, which indexes nothing);
            // its wijk is its meeting's.
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_MeetingMinutes_Insert AFTER INSERT ON MeetingMinutes BEGIN
                    INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale)
                    VALUES ('minutes', NEW.Id, (SELECT NeighbourhoodId FROM Meetings WHERE Id = NEW.MeetingId), 1)
                    ON CONFLICT (EntityId) DO UPDATE SET Stale = 1, NeighbourhoodId = excluded.NeighbourhoodId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_MeetingMinutes_Update AFTER UPDATE OF FinalText ON MeetingMinutes BEGIN
                    INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale)
                    VALUES ('minutes', NEW.Id, (SELECT NeighbourhoodId FROM Meetings WHERE Id = NEW.MeetingId), 1)
                    ON CONFLICT (EntityId) DO UPDATE SET Stale = 1, NeighbourhoodId = excluded.NeighbourhoodId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArchiveSearch_MeetingMinutes_Delete AFTER DELETE ON MeetingMinutes BEGIN
                    DELETE FROM ArchiveSearchIndex WHERE rowid = (SELECT RowId FROM ArchiveSearchEntries WHERE EntityId = OLD.Id);
                    DELETE FROM ArchiveSearchEntries WHERE EntityId = OLD.Id;
                END;
                """);

            // What exists already is indexed by the first search after this migration.
            migrationBuilder.Sql("INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale) SELECT 'case', Id, NeighbourhoodId, 1 FROM CaseFiles;");
            migrationBuilder.Sql("INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale) SELECT 'recommendation', Id, NeighbourhoodId, 1 FROM Recommendations;");
            migrationBuilder.Sql("""
                INSERT INTO ArchiveSearchEntries (Kind, EntityId, NeighbourhoodId, Stale)
                SELECT 'minutes', mm.Id, m.NeighbourhoodId, 1 FROM MeetingMinutes AS mm JOIN Meetings AS m ON m.Id = mm.MeetingId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_CaseFiles_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_CaseFiles_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_CaseFiles_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_Recommendations_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_Recommendations_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_Recommendations_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_MeetingMinutes_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_MeetingMinutes_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArchiveSearch_MeetingMinutes_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArchiveSearchEntries;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArchiveSearchIndex;");
        }
    }
}
