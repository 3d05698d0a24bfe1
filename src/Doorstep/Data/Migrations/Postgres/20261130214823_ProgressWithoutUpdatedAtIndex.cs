using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgressWithoutUpdatedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ListeningProgress_MemberId_UpdatedAt",
                table: "ListeningProgress");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ListeningProgress_MemberId_UpdatedAt",
                table: "ListeningProgress",
                columns: new[] { "MemberId", "UpdatedAt" });
        }
    }
}
