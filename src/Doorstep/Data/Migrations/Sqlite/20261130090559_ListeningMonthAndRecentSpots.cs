using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListeningMonthAndRecentSpots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Month",
                table: "ListeningProgress",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MonthListenedSeconds",
                table: "ListeningProgress",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_SubDistrictId_ReportedAt",
                table: "ProblemSpot",
                columns: new[] { "SubDistrictId", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProblemSpot_SubDistrictId_ReportedAt",
                table: "ProblemSpot");

            migrationBuilder.DropColumn(
                name: "Month",
                table: "ListeningProgress");

            migrationBuilder.DropColumn(
                name: "MonthListenedSeconds",
                table: "ListeningProgress");
        }
    }
}
