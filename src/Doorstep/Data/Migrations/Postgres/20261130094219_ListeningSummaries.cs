using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListeningSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.CreateTable(
                name: "ListeningSummaries",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    MonthListenedSeconds = table.Column<int>(type: "integer", nullable: false),
                    ChaptersCompleted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListeningSummaries", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_ListeningSummaries_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql(ListeningSummariesBackfill.Sql);

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NamePinyin", "Name", "Id", "SubDistrictId", "NameInitials", "PendingImportId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListeningSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NamePinyin", "Name", "Id", "SubDistrictId", "NameInitials", "PendingImportId" });
        }
    }
}
