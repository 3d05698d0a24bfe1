using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberOrgUnitArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrictId_Name",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrictId_NameInitials",
                table: "Members");

            migrationBuilder.AddColumn<int>(
                name: "OrgUnitAreaId",
                table: "Members",
                type: "integer",
                nullable: true);

            // Backfill (hand-written: keep it when regenerating): each file takes its org unit's area.
            migrationBuilder.Sql(
                """UPDATE "Members" AS "m" SET "OrgUnitAreaId" = "o"."ResidentialAreaId" FROM "OrgUnits" AS "o" WHERE "o"."Id" = "m"."OrgUnitId" AND "o"."ResidentialAreaId" IS NOT NULL;""");

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_Age",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "BirthDate", "Id", "CareNeeds", "SubDistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NameInitials", "Name", "Id", "SubDistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_Age",
                table: "Members",
                columns: new[] { "SubDistrictId", "BirthDate", "Id", "CareNeeds", "OrgUnitAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members",
                columns: new[] { "SubDistrictId", "NameInitials", "Name", "Id", "OrgUnitAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_LivesElsewhere",
                table: "Members",
                columns: new[] { "SubDistrictId", "RegisteredAreaId", "ResidenceAreaId", "Status", "OrgUnitAreaId", "ResidenceAddress" });

            // The backfill rewrote every row: vacuum so index-only scans need no heap visits, and
            // analyse so the planner chooses the new indexes (hand-written: keep it when regenerating).
            migrationBuilder.Sql("""VACUUM (ANALYZE) "Members";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_Age",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_Age",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_LivesElsewhere",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "OrgUnitAreaId",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrictId_Name",
                table: "Members",
                columns: new[] { "SubDistrictId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrictId_NameInitials",
                table: "Members",
                columns: new[] { "SubDistrictId", "NameInitials" });
        }
    }
}
