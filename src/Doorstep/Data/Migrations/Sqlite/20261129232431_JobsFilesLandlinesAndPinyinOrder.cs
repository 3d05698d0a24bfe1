using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobsFilesLandlinesAndPinyinOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_Age",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_Age",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_LivesElsewhere",
                table: "Members");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Members",
                type: "TEXT",
                maxLength: 350,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PendingImportId",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneAreaCode",
                table: "Members",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JobId",
                table: "MemberImports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BackgroundJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserScope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RunAfter = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFileContents",
                columns: table => new
                {
                    StoredFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFileContents", x => x.StoredFileId);
                    table.ForeignKey(
                        name: "FK_StoredFileContents_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_Age",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "BirthDate", "Id", "CareNeeds", "SubDistrictId", "PendingImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NamePinyin", "Name", "Id", "SubDistrictId", "NameInitials", "PendingImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_PendingImportId",
                table: "Members",
                column: "PendingImportId",
                filter: "\"PendingImportId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_Age",
                table: "Members",
                columns: new[] { "SubDistrictId", "BirthDate", "Id", "CareNeeds", "OrgUnitAreaId", "PendingImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members",
                columns: new[] { "SubDistrictId", "NamePinyin", "Name", "Id", "OrgUnitAreaId", "NameInitials", "PendingImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_LivesElsewhere",
                table: "Members",
                columns: new[] { "SubDistrictId", "RegisteredAreaId", "ResidenceAreaId", "Status", "OrgUnitAreaId", "ResidenceAddress", "PendingImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_Kind_Status",
                table: "BackgroundJobs",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_Status_RunAfter",
                table: "BackgroundJobs",
                columns: new[] { "Status", "RunAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_Owner",
                table: "StoredFiles",
                column: "Owner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundJobs");

            migrationBuilder.DropTable(
                name: "StoredFileContents");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_Age",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_PendingImportId",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_Age",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SubDistrict_LivesElsewhere",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PendingImportId",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PhoneAreaCode",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "MemberImports");

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_Age",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "BirthDate", "Id", "CareNeeds", "SubDistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgUnitArea_ListOrder",
                table: "Members",
                columns: new[] { "OrgUnitAreaId", "NameInitials", "Name", "Id", "SubDistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_Age",
                table: "Members",
                columns: new[] { "SubDistrictId", "BirthDate", "Id", "CareNeeds", "OrgUnitAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_ListOrder",
                table: "Members",
                columns: new[] { "SubDistrictId", "NameInitials", "Name", "Id", "OrgUnitAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SubDistrict_LivesElsewhere",
                table: "Members",
                columns: new[] { "SubDistrictId", "RegisteredAreaId", "ResidenceAreaId", "Status", "OrgUnitAreaId", "ResidenceAddress" });
        }
    }
}
