namespace Doorstep.Data.Migrations;

/// <summary>
/// The ListeningSummaries migration's one statement for both databases: a summary for every member
/// with progress, as the saves would have kept it (the last month's seconds, chapters finished).
/// </summary>
internal static class ListeningSummariesBackfill
{
    public const string Sql = """
        INSERT INTO "ListeningSummaries" ("MemberId", "SubDistrictId", "Month", "MonthListenedSeconds", "ChaptersCompleted")
        SELECT "MemberId", "SubDistrictId", "Month", "Seconds", "Completed"
        FROM (
            SELECT "MemberId", MIN("SubDistrictId") AS "SubDistrictId", "Month", SUM("MonthListenedSeconds") AS "Seconds",
                SUM(SUM(CASE WHEN "CompletedAt" IS NOT NULL THEN 1 ELSE 0 END)) OVER (PARTITION BY "MemberId") AS "Completed",
                ROW_NUMBER() OVER (PARTITION BY "MemberId" ORDER BY "Month" DESC) AS "Latest"
            FROM "ListeningProgress"
            GROUP BY "MemberId", "Month"
        ) AS "Months"
        WHERE "Latest" = 1;
        """;
}
