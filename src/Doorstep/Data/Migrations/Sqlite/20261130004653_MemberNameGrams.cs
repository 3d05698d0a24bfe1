using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberNameGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberNameGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingImportId = table.Column<int>(type: "INTEGER", nullable: true),
                    NamePinyin = table.Column<string>(type: "TEXT", maxLength: 350, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberNameGrams", x => new { x.MemberId, x.Gram });
                    table.ForeignKey(
                        name: "FK_MemberNameGrams_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Hand-written: the entries of the files on record (ADR 0021), before the index is built.
            migrationBuilder.Sql(Doorstep.Features.Members.MemberNameGram.Backfill);

            migrationBuilder.CreateIndex(
                name: "IX_MemberNameGrams_ListOrder",
                table: "MemberNameGrams",
                columns: new[] { "Gram", "SubDistrictId", "NamePinyin", "Name", "MemberId", "OrgUnitAreaId", "PendingImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberNameGrams_PendingImportId",
                table: "MemberNameGrams",
                column: "PendingImportId",
                filter: "\"PendingImportId\" IS NOT NULL");

            migrationBuilder.Sql("ANALYZE \"MemberNameGrams\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberNameGrams");
        }
    }
}
