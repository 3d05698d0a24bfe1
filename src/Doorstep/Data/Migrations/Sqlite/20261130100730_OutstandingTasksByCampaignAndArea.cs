using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Doorstep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutstandingTasksByCampaignAndArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_CampaignId_AreaId_Status_RevisitOn",
                table: "VisitTasks");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_CampaignId_AreaId_Status_RevisitOn_AssignedToId",
                table: "VisitTasks",
                columns: new[] { "CampaignId", "AreaId", "Status", "RevisitOn", "AssignedToId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_CampaignId_AreaId_Status_RevisitOn_AssignedToId",
                table: "VisitTasks");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_CampaignId_AreaId_Status_RevisitOn",
                table: "VisitTasks",
                columns: new[] { "CampaignId", "AreaId", "Status", "RevisitOn" });
        }
    }
}
