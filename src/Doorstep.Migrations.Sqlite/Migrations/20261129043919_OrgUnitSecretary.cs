using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrgUnitSecretary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SecretaryMemberId",
                table: "OrgUnits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_SecretaryMemberId",
                table: "OrgUnits",
                column: "SecretaryMemberId");

            migrationBuilder.AddForeignKey(
                name: "FK_OrgUnits_Members_SecretaryMemberId",
                table: "OrgUnits",
                column: "SecretaryMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OrgUnits_Members_SecretaryMemberId",
                table: "OrgUnits");

            migrationBuilder.DropIndex(
                name: "IX_OrgUnits_SecretaryMemberId",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "SecretaryMemberId",
                table: "OrgUnits");
        }
    }
}
