using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberPhoneAreaCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneAreaCode",
                table: "Members",
                type: "TEXT",
                maxLength: 4,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PhoneAreaCode",
                table: "Members");
        }
    }
}
