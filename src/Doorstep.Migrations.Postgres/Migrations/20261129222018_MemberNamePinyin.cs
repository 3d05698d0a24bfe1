using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MemberNamePinyin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Members",
                type: "character varying(350)",
                maxLength: 350,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NamePinyin", "Name", "Id", "SubDistrictId", "NameInitials" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members",
                columns: new[] { "SubDistrictId", "NamePinyin", "Name", "Id", "OrgUnitAreaId", "NameInitials" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NameInitials", "Name", "Id", "SubDistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members",
                columns: new[] { "SubDistrictId", "NameInitials", "Name", "Id", "OrgUnitAreaId" });
        }
    }
}
