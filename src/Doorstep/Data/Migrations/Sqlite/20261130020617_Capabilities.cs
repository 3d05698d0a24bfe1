using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Capabilities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    DriveKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganiserOrgUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganiserDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Zones = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Repeat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomRule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RepeatUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SkipHolidays = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activity_Departments_OrganiserDepartmentId",
                        column: x => x.OrganiserDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activity_OrgUnits_OrganiserOrgUnitId",
                        column: x => x.OrganiserOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activity_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activity_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "ListeningCards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListeningCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListeningCards_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ListeningPreferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Prefers = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListeningPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListeningPreferences_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "StudyBooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyBooks", x => x.Id);
                });

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
                name: "Volunteer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneTail = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PhoneAreaCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsentRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Volunteer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Volunteer_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Volunteer_ResidentialAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Volunteer_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MovedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityChange_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityTally",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTally", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityTally_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "StudyChapters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AudioFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AudioSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    AudioSource = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeechState = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeechJobId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyChapters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyChapters_StudyBooks_BookId",
                        column: x => x.BookId,
                        principalTable: "StudyBooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "Attendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    VolunteerId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Way = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ServiceMinutes = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendance_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attendance_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendance_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
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

            migrationBuilder.CreateTable(
                name: "ListeningProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChapterId = table.Column<int>(type: "INTEGER", nullable: false),
                    PositionSeconds = table.Column<double>(type: "REAL", nullable: false),
                    ListenedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListeningProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListeningProgress_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ListeningProgress_StudyChapters_ChapterId",
                        column: x => x.ChapterId,
                        principalTable: "StudyChapters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_Activity_AreaId_StartsOn",
                table: "Activity",
                columns: new[] { "AreaId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Activity_DriveKey",
                table: "Activity",
                column: "DriveKey");

            migrationBuilder.CreateIndex(
                name: "IX_Activity_OrganiserDepartmentId",
                table: "Activity",
                column: "OrganiserDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Activity_OrganiserOrgUnitId",
                table: "Activity",
                column: "OrganiserOrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Activity_SubDistrictId_StartsOn",
                table: "Activity",
                columns: new[] { "SubDistrictId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityChange_ActivityId_Date",
                table: "ActivityChange",
                columns: new[] { "ActivityId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTally_ActivityId_Date_Kind_Label",
                table: "ActivityTally",
                columns: new[] { "ActivityId", "Date", "Kind", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTally_SubDistrictId_Date",
                table: "ActivityTally",
                columns: new[] { "SubDistrictId", "Date" });

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
                name: "IX_Attendance_ActivityId_Date_PersonKey",
                table: "Attendance",
                columns: new[] { "ActivityId", "Date", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_AreaId_Date",
                table: "Attendance",
                columns: new[] { "AreaId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_MemberId",
                table: "Attendance",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_SubDistrictId_Date",
                table: "Attendance",
                columns: new[] { "SubDistrictId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_VolunteerId_Date",
                table: "Attendance",
                columns: new[] { "VolunteerId", "Date" });

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
                name: "IX_ListeningCards_MemberId_RevokedAt",
                table: "ListeningCards",
                columns: new[] { "MemberId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ListeningCards_TokenHash",
                table: "ListeningCards",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListeningPreferences_MemberId",
                table: "ListeningPreferences",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListeningProgress_ChapterId",
                table: "ListeningProgress",
                column: "ChapterId");

            migrationBuilder.CreateIndex(
                name: "IX_ListeningProgress_MemberId_ChapterId",
                table: "ListeningProgress",
                columns: new[] { "MemberId", "ChapterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListeningProgress_MemberId_UpdatedAt",
                table: "ListeningProgress",
                columns: new[] { "MemberId", "UpdatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_StudyBooks_SubDistrictId_Position",
                table: "StudyBooks",
                columns: new[] { "SubDistrictId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyChapters_BookId_Number",
                table: "StudyChapters",
                columns: new[] { "BookId", "Number" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_AreaId_Name",
                table: "Volunteer",
                columns: new[] { "AreaId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_MemberId",
                table: "Volunteer",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_SubDistrictId_Name",
                table: "Volunteer",
                columns: new[] { "SubDistrictId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityChange");

            migrationBuilder.DropTable(
                name: "ActivityTally");

            migrationBuilder.DropTable(
                name: "AreaPlan");

            migrationBuilder.DropTable(
                name: "Attendance");

            migrationBuilder.DropTable(
                name: "InspectionRound");

            migrationBuilder.DropTable(
                name: "ListeningCards");

            migrationBuilder.DropTable(
                name: "ListeningPreferences");

            migrationBuilder.DropTable(
                name: "ListeningProgress");

            migrationBuilder.DropTable(
                name: "PointCheck");

            migrationBuilder.DropTable(
                name: "ResponsibilityRule");

            migrationBuilder.DropTable(
                name: "SpotUpdate");

            migrationBuilder.DropTable(
                name: "VisitFollowUps");

            migrationBuilder.DropTable(
                name: "Activity");

            migrationBuilder.DropTable(
                name: "Volunteer");

            migrationBuilder.DropTable(
                name: "StudyChapters");

            migrationBuilder.DropTable(
                name: "RoundWalk");

            migrationBuilder.DropTable(
                name: "ProblemSpot");

            migrationBuilder.DropTable(
                name: "HomeVisits");

            migrationBuilder.DropTable(
                name: "StudyBooks");

            migrationBuilder.DropTable(
                name: "InspectionCategory");

            migrationBuilder.DropTable(
                name: "InspectionPoint");

            migrationBuilder.DropTable(
                name: "VisitTasks");

            migrationBuilder.DropTable(
                name: "VisitCampaigns");
        }
    }
}
