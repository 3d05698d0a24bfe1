using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditEntrySubDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SubDistrictId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            // Hand-written (keep when regenerating): earlier entries take the acting account's
            // sub-district, then a record's entries its record's (a member's, a unit's …), a sub-district's its own.
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "SubDistrictId" =
                    (SELECT u."SubDistrictId" FROM "AspNetUsers" u WHERE u."Id" = "AuditEntries"."UserId")
                WHERE "UserId" IS NOT NULL;
                """);
            foreach (var (entity, table) in new[] { ("Member", "Members"), ("OrgUnit", "OrgUnits"), ("ResidentialArea", "ResidentialAreas"), ("Department", "Departments"), ("Transfer", "Transfers") })
            {
                migrationBuilder.Sql($"""
                    UPDATE "AuditEntries" SET "SubDistrictId" =
                        (SELECT r."SubDistrictId" FROM "{table}" r WHERE r."Id" = CAST("AuditEntries"."EntityId" AS INTEGER))
                    WHERE "EntityType" = '{entity}';
                    """);
            }

            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "SubDistrictId" =
                    (SELECT u."SubDistrictId" FROM "AspNetUsers" u WHERE u."Id" = "AuditEntries"."EntityId")
                WHERE "EntityType" = 'UserAccount';
                """);
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "SubDistrictId" = CAST("EntityId" AS INTEGER) WHERE "EntityType" = 'SubDistrict';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubDistrictId_Id",
                table: "AuditEntries",
                columns: new[] { "SubDistrictId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_SubDistrictId_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SubDistrictId",
                table: "AuditEntries");
        }
    }
}
