using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberNameInitials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameInitials",
                table: "Members",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrictId_NameInitials",
                table: "Members",
                columns: new[] { "SubDistrictId", "NameInitials" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrictId_NameInitials",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "NameInitials",
                table: "Members");
        }
    }
}
