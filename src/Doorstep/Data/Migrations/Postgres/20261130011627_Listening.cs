using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Doorstep.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Listening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ListeningCards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    Prefers = table.Column<int>(type: "integer", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MarkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                name: "StudyBooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Author = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyBooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StudyChapters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookId = table.Column<int>(type: "integer", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AudioFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    AudioSeconds = table.Column<int>(type: "integer", nullable: true),
                    AudioSource = table.Column<int>(type: "integer", nullable: false),
                    SpeechState = table.Column<int>(type: "integer", nullable: false),
                    SpeechJobId = table.Column<long>(type: "bigint", nullable: true)
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
                name: "ListeningProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: false),
                    BookId = table.Column<int>(type: "integer", nullable: false),
                    ChapterId = table.Column<int>(type: "integer", nullable: false),
                    PositionSeconds = table.Column<double>(type: "double precision", nullable: false),
                    ListenedSeconds = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "IX_StudyBooks_SubDistrictId_Position",
                table: "StudyBooks",
                columns: new[] { "SubDistrictId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyChapters_BookId_Number",
                table: "StudyChapters",
                columns: new[] { "BookId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListeningCards");

            migrationBuilder.DropTable(
                name: "ListeningPreferences");

            migrationBuilder.DropTable(
                name: "ListeningProgress");

            migrationBuilder.DropTable(
                name: "StudyChapters");

            migrationBuilder.DropTable(
                name: "StudyBooks");
        }
    }
}
