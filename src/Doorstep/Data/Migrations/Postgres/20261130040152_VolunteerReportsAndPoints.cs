using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VolunteerReportsAndPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReporterVolunteerId",
                table: "ProblemSpot",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_ReporterVolunteerId_ReportedAt",
                table: "ProblemSpot",
                columns: new[] { "ReporterVolunteerId", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProblemSpot_ReporterVolunteerId_ReportedAt",
                table: "ProblemSpot");

            migrationBuilder.DropColumn(
                name: "ReporterVolunteerId",
                table: "ProblemSpot");
        }
    }
}
