using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Doorstep.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    DriveKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganiserOrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    OrganiserDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Partner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Zones = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Audience = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Repeat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CustomRule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RepeatUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SkipHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "Volunteer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneTail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    PhoneAreaCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Skills = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConsentRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    MovedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "Attendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    MemberId = table.Column<int>(type: "integer", nullable: true),
                    VolunteerId = table.Column<int>(type: "integer", nullable: true),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    SignedUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Way = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ServiceMinutes = table.Column<int>(type: "integer", nullable: true)
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
                name: "Attendance");

            migrationBuilder.DropTable(
                name: "Activity");

            migrationBuilder.DropTable(
                name: "Volunteer");
        }
    }
}
