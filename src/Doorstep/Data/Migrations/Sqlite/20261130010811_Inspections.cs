using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AreaPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaPlan_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AreaPlan_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AreaPlan_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionCategory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DefaultDeadlineHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionCategory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionCategory_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlanX = table.Column<double>(type: "REAL", nullable: true),
                    PlanY = table.Column<double>(type: "REAL", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPoint_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionPoint_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRound",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRound", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRound_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRound_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundWalk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Inspector = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundWalk", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundWalk_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundWalk_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponsibilityRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeadlineHours = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityRule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponsibilityRule_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponsibilityRule_InspectionCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "InspectionCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponsibilityRule_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponsibilityRule_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProblemSpot",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionPointId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanX = table.Column<double>(type: "REAL", nullable: true),
                    PlanY = table.Column<double>(type: "REAL", nullable: true),
                    ReporterKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResidentPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResidentPhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResidentPhoneTail = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    ResidentPhoneAreaCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FixedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FixedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FixedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FixNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemSpot", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemSpot_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemSpot_InspectionCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "InspectionCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemSpot_InspectionPoint_InspectionPointId",
                        column: x => x.InspectionPointId,
                        principalTable: "InspectionPoint",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemSpot_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemSpot_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointCheck",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundWalkId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Clean = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProblemSpotId = table.Column<int>(type: "INTEGER", nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointCheck", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointCheck_InspectionPoint_InspectionPointId",
                        column: x => x.InspectionPointId,
                        principalTable: "InspectionPoint",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointCheck_ProblemSpot_ProblemSpotId",
                        column: x => x.ProblemSpotId,
                        principalTable: "ProblemSpot",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PointCheck_RoundWalk_RoundWalkId",
                        column: x => x.RoundWalkId,
                        principalTable: "RoundWalk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotUpdate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemSpotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotUpdate_ProblemSpot_ProblemSpotId",
                        column: x => x.ProblemSpotId,
                        principalTable: "ProblemSpot",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaPlan_AreaId",
                table: "AreaPlan",
                column: "AreaId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaPlan_StoredFileId",
                table: "AreaPlan",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaPlan_SubDistrictId",
                table: "AreaPlan",
                column: "SubDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionCategory_SubDistrictId_Name",
                table: "InspectionCategory",
                columns: new[] { "SubDistrictId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPoint_AreaId_Order",
                table: "InspectionPoint",
                columns: new[] { "AreaId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPoint_SubDistrictId",
                table: "InspectionPoint",
                column: "SubDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRound_AreaId",
                table: "InspectionRound",
                column: "AreaId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRound_SubDistrictId",
                table: "InspectionRound",
                column: "SubDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_PointCheck_InspectionPointId",
                table: "PointCheck",
                column: "InspectionPointId");

            migrationBuilder.CreateIndex(
                name: "IX_PointCheck_ProblemSpotId",
                table: "PointCheck",
                column: "ProblemSpotId");

            migrationBuilder.CreateIndex(
                name: "IX_PointCheck_RoundWalkId_InspectionPointId",
                table: "PointCheck",
                columns: new[] { "RoundWalkId", "InspectionPointId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_AreaId_CategoryId_Status",
                table: "ProblemSpot",
                columns: new[] { "AreaId", "CategoryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_AreaId_Status_DueAt",
                table: "ProblemSpot",
                columns: new[] { "AreaId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_CategoryId",
                table: "ProblemSpot",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_DepartmentId_Status_DueAt",
                table: "ProblemSpot",
                columns: new[] { "DepartmentId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_InspectionPointId",
                table: "ProblemSpot",
                column: "InspectionPointId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_ReportedAt",
                table: "ProblemSpot",
                column: "ReportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSpot_SubDistrictId_Status_DueAt",
                table: "ProblemSpot",
                columns: new[] { "SubDistrictId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityRule_AreaId_CategoryId",
                table: "ResponsibilityRule",
                columns: new[] { "AreaId", "CategoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityRule_CategoryId",
                table: "ResponsibilityRule",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityRule_DepartmentId",
                table: "ResponsibilityRule",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityRule_SubDistrictId",
                table: "ResponsibilityRule",
                column: "SubDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundWalk_AreaId_Date",
                table: "RoundWalk",
                columns: new[] { "AreaId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundWalk_SubDistrictId",
                table: "RoundWalk",
                column: "SubDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotUpdate_ProblemSpotId_Id",
                table: "SpotUpdate",
                columns: new[] { "ProblemSpotId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaPlan");

            migrationBuilder.DropTable(
                name: "InspectionRound");

            migrationBuilder.DropTable(
                name: "PointCheck");

            migrationBuilder.DropTable(
                name: "ResponsibilityRule");

            migrationBuilder.DropTable(
                name: "SpotUpdate");

            migrationBuilder.DropTable(
                name: "RoundWalk");

            migrationBuilder.DropTable(
                name: "ProblemSpot");

            migrationBuilder.DropTable(
                name: "InspectionCategory");

            migrationBuilder.DropTable(
                name: "InspectionPoint");
        }
    }
}
