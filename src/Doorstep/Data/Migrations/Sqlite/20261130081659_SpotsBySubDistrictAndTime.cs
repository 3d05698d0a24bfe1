using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpotsBySubDistrictAndTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
