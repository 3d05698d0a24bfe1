using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Doorstep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: true),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FullMemberOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IdNumberCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberTail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    FromOrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    FromAreaId = table.Column<int>(type: "integer", nullable: true),
                    ToOrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    ToAreaId = table.Column<int>(type: "integer", nullable: true),
                    OtherParty = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LetterNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AppliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnedAtStep = table.Column<int>(type: "integer", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transfers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_OrgUnits_FromOrgUnitId",
                        column: x => x.FromOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_OrgUnits_ToOrgUnitId",
                        column: x => x.ToOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_ResidentialAreas_FromAreaId",
                        column: x => x.FromAreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_ResidentialAreas_ToAreaId",
                        column: x => x.ToAreaId,
                        principalTable: "ResidentialAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_FromAreaId",
                table: "Transfers",
                column: "FromAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_FromOrgUnitId",
                table: "Transfers",
                column: "FromOrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_IdNumberHash",
                table: "Transfers",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_MemberId_Pending",
                table: "Transfers",
                column: "MemberId",
                unique: true,
                filter: "\"Status\" IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_MemberId_Status",
                table: "Transfers",
                columns: new[] { "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_SubDistrictId_Status",
                table: "Transfers",
                columns: new[] { "SubDistrictId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ToAreaId",
                table: "Transfers",
                column: "ToAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ToOrgUnitId",
                table: "Transfers",
                column: "ToOrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Transfers");
        }
    }
}
