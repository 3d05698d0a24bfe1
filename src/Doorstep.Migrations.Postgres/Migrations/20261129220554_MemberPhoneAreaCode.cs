using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Migrations.Postgres.Migrations
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
                type: "character varying(4)",
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
