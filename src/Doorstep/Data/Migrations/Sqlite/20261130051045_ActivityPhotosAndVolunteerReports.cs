using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityPhotosAndVolunteerReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReporterVolunteerId",
                table: "ProblemSpot",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityPhoto",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    StoredFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityPhoto_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityPhoto_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_ReporterVolunteerId_ReportedAt",
                table: "ProblemSpot",
                columns: new[] { "ReporterVolunteerId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPhoto_ActivityId_Date",
                table: "ActivityPhoto",
                columns: new[] { "ActivityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPhoto_StoredFileId",
                table: "ActivityPhoto",
                column: "StoredFileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityPhoto");

            migrationBuilder.DropIndex(
                name: "IX_ProblemSpot_ReporterVolunteerId_ReportedAt",
                table: "ProblemSpot");

            migrationBuilder.DropColumn(
                name: "ReporterVolunteerId",
                table: "ProblemSpot");
        }
    }
}
