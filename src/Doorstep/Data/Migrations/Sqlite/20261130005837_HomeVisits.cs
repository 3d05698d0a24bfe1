using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HomeVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Package = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MinPartyAge = table.Column<int>(type: "INTEGER", nullable: true),
                    CareNeeds = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartJobId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitCampaigns_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastVisitAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedReason = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitTasks_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitTasks_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitTasks_VisitCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "VisitCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ItemsDelivered = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TaughtListening = table.Column<bool>(type: "INTEGER", nullable: false),
                    StudyNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Memories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PhotoFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeVisits_VisitTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "VisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Suggestion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitFollowUps_HomeVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "HomeVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_IdempotencyKey",
                table: "HomeVisits",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_MemberId_VisitedAt",
                table: "HomeVisits",
                columns: new[] { "MemberId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_TaskId_VisitedAt",
                table: "HomeVisits",
                columns: new[] { "TaskId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitCampaigns_SubDistrictId_Status",
                table: "VisitCampaigns",
                columns: new[] { "SubDistrictId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitFollowUps_MemberId",
                table: "VisitFollowUps",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFollowUps_SubDistrictId_Status",
                table: "VisitFollowUps",
                columns: new[] { "SubDistrictId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitFollowUps_VisitId",
                table: "VisitFollowUps",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_AreaId",
                table: "VisitTasks",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_AssignedToId_Status",
                table: "VisitTasks",
                columns: new[] { "AssignedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_CampaignId_AreaId_Status_RevisitOn",
                table: "VisitTasks",
                columns: new[] { "CampaignId", "AreaId", "Status", "RevisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_CampaignId_MemberId",
                table: "VisitTasks",
                columns: new[] { "CampaignId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_MemberId",
                table: "VisitTasks",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitFollowUps");

            migrationBuilder.DropTable(
                name: "HomeVisits");

            migrationBuilder.DropTable(
                name: "VisitTasks");

            migrationBuilder.DropTable(
                name: "VisitCampaigns");
        }
    }
}
