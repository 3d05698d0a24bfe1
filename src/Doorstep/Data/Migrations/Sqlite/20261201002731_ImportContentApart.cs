using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportContentApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberImportContents",
                columns: table => new
                {
                    MemberImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cipher = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberImportContents", x => x.MemberImportId);
                    table.ForeignKey(
                        name: "FK_MemberImportContents_MemberImports_MemberImportId",
                        column: x => x.MemberImportId,
                        principalTable: "MemberImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The rosters still waiting for their import keep their files.
            migrationBuilder.Sql("""
                INSERT INTO "MemberImportContents" ("MemberImportId", "Cipher")
                SELECT "Id", "ContentCipher" FROM "MemberImports" WHERE "ContentCipher" IS NOT NULL
                """);

            // SQLite drops a column in place; EF's DropColumn would rebuild the table outside the migration's transaction.
            migrationBuilder.Sql("""ALTER TABLE "MemberImports" DROP COLUMN "ContentCipher";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ContentCipher",
                table: "MemberImports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "MemberImports" SET "ContentCipher" =
                    (SELECT c."Cipher" FROM "MemberImportContents" c WHERE c."MemberImportId" = "MemberImports"."Id")
                """);

            migrationBuilder.DropTable(
                name: "MemberImportContents");
        }
    }
}
