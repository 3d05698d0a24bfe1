using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Features.Activities;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.Listening;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using RosterModel = Doorstep.Features.Activities.Volunteers.IndexModel;

namespace Doorstep.Tests.Features.Activities;

/// <summary>Photos of a day, check-in by a member's card, attendance by unit, the roster's pages, the feed's address.</summary>
[Collection(SharedApp.Name)]
public class ActivityRecordTests(DoorstepApp app)
{
    private static DateOnly Day => ChinaTime.Today(TimeProvider.System);
    private static string Today => ActivityCalendar.DateText(Day);

    private async Task<int> ActivityAsync(string title, string area) => await app.WithDbAsync(async db =>
    {
        var areaRow = await db.ResidentialAreas.FirstAsync(a => a.Name == area);
        var activity = new Activity
        {
            SubDistrictId = areaRow.SubDistrictId,
            AreaId = areaRow.Id,
            Kind = ActivityKind.ThemeLecture,
            Title = title,
            Place = "居委会活动室",
            StartsOn = Day,
            StartTime = new TimeOnly(9, 0),
            Minutes = 60,
            Repeat = RepeatKind.Once,
        };
        db.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private static byte[] Jpeg()
    {
        using var image = Image.Black(320, 240, bands: 3) + 120;
        return image.JpegsaveBuffer(q: 85);
    }

    private static async Task<HttpResponseMessage> UploadPhotoAsync(HttpClient client, int id, byte[] content, string fileName)
    {
        var page = await client.GetPageAsync($"/Activities/Details/{id}?date={Today}");
        var token = page.QuerySelector<IHtmlInputElement>("main form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("资料发放台"), "caption" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("image/jpeg");
        body.Add(file, "photos", fileName);
        return await client.PostAsync($"/Activities/Details/{id}?date={Today}&handler=Photos", body);
    }

    [Fact]
    public async Task Photos_of_a_day_are_images_only_shown_on_the_page_and_in_the_ledger_and_hidden_from_another_area()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var id = await ActivityAsync("照片台账", "张桥");

        var refused = await UploadPhotoAsync(zhangqiao, id, "这不是图片"u8.ToArray(), "notes.jpg");
        var accepted = await UploadPhotoAsync(zhangqiao, id, Jpeg(), "现场.jpg");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("notes.jpg", (await refused.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var photo = Assert.Single(await app.WithDbAsync(db => db.Set<ActivityPhoto>().Where(p => p.ActivityId == id).ToListAsync()));
        var stored = await app.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == photo.StoredFileId));
        Assert.Equal(("image/jpeg", ActivityPhoto.OwnerOf(id), Day), (stored.ContentType, stored.Owner, photo.Date));

        var src = $"/Activities/Details/{id}?photo={photo.Id}&handler=Photo";
        var details = await zhangqiao.GetPageAsync($"/Activities/Details/{id}?date={Today}");
        var ledger = await zhangqiao.GetPageAsync($"/Activities/Ledger/{id}?date={Today}");
        Assert.NotNull(details.QuerySelector($"main ul.photos img[src='{src}']"));
        Assert.Equal("资料发放台", ledger.QuerySelector($"main img[src='{src}']")!.GetAttribute("alt"));
        var image = await zhangqiao.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync(src)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ActivityPhoto) && e.EntityId == photo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var deleted = await zhangqiao.PostFormAsync($"/Activities/Details/{id}?date={Today}", [new("photo", photo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], $"/Activities/Details/{id}?date={Today}&handler=DeletePhoto");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == photo.StoredFileId)));
    }

    [Fact]
    public async Task A_cadre_checks_a_member_in_by_scanning_their_card_once_and_attendance_by_unit_counts_them()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var id = await ActivityAsync("扫卡签到", "张桥");
        var own = await app.FirstOfAreaAsync("张桥", skip: 7);
        var other = await app.FirstOfAreaAsync("瑞鑫", skip: 7);
        var (ownCard, otherCard, revokedCard) = (CardToken.New(), CardToken.New(), CardToken.New());
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        await app.WithDbAsync(async db =>
        {
            foreach (var (member, token, revoked) in new[] { (own, ownCard, false), (other, otherCard, false), (own, revokedCard, true) })
            {
                db.ListeningCards.Add(new ListeningCard
                {
                    Member = await db.Members.FirstAsync(m => m.Id == member),
                    MemberId = member,
                    SubDistrictId = 1,
                    TokenHash = CardToken.Hash(token, protector),
                    IssuedAt = DateTime.UtcNow,
                    RevokedAt = revoked ? DateTime.UtcNow : null,
                });
            }

            return await db.SaveChangesAsync();
        });
        var url = $"/Activities/Details/{id}?date={Today}";
        var scan = url + "&handler=Scan";

        var first = await zhangqiao.PostFormAsync(url, [new("card", $"http://localhost/listen/{ownCard}")], scan);
        var again = await zhangqiao.PostFormAsync(url, [new("card", ownCard)], scan);
        var outside = await zhangqiao.PostFormAsync(url, [new("card", $"http://localhost/listen/{otherCard}")], scan);
        var revoked = await zhangqiao.PostFormAsync(url, [new("card", $"http://localhost/listen/{revokedCard}")], scan);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("找不到这位人员", (await outside.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("无法识别这张卡", (await revoked.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent);
        var row = Assert.Single(await app.WithDbAsync(db => db.Set<Attendance>().Where(a => a.ActivityId == id).ToListAsync()));
        Assert.Equal((own, AttendanceWay.CardScan), (row.MemberId, row.Way));
        Assert.NotNull(row.CheckedInAt);

        var units = await zhangqiao.GetPageAsync($"/Activities/Units?activity={id}&date={Today}");
        var unit = await app.WithDbAsync(db => db.Members.Where(m => m.Id == own).Select(m => new { m.OrgUnit.Name, Count = db.Members.Count(x => x.OrgUnitId == m.OrgUnitId) }).SingleAsync());
        var cells = units.QuerySelectorAll("main tbody tr").Single(r => r.Children[0].TextContent == unit.Name).Children;
        Assert.Equal(("1", "1"), (cells[2].TextContent, cells[3].TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("ruixin")).GetAsync($"/Activities/Units?activity={id}")).StatusCode);
    }

    [Fact]
    public async Task The_roster_comes_a_page_at_a_time_and_the_feed_address_is_absolute()
    {
        await app.WithDbAsync(async db =>
        {
            // Other tests of this collection add sub-districts: the roster is the demo admin's.
            var area = await db.ResidentialAreas.Where(a => a.SubDistrict.Name == "嘉兴路街道").OrderByDescending(a => a.Id).FirstAsync();
            for (var i = 0; i < RosterModel.PageSize + 5; i++)
            {
                db.Add(new Volunteer { SubDistrictId = area.SubDistrictId, AreaId = area.Id, Name = $"名册{i:00}", ConsentOn = Day, ConsentRecordedBy = "测试" });
            }

            return await db.SaveChangesAsync();
        });
        var admin = await app.SignedInAsync("admin");

        var first = await admin.GetPageAsync("/Activities/Volunteers");
        var total = await app.WithDbAsync(db => db.Set<Volunteer>().CountAsync(v => v.Active && v.SubDistrictId == db.ResidentialAreas.First(a => a.SubDistrict.Name == "嘉兴路街道").SubDistrictId));
        var second = await admin.GetPageAsync(first.QuerySelector("main nav.pager a[rel=next]")!.GetAttribute("href")!);

        Assert.Contains($"共 {total} 人", first.QuerySelector("main")!.TextContent);
        Assert.Equal(RosterModel.PageSize, first.QuerySelectorAll("main ul.cards > li").Length);
        Assert.Equal(total - RosterModel.PageSize, second.QuerySelectorAll("main ul.cards > li").Length);

        var calendar = await (await app.SignedInAsync("zhangqiao")).GetPageAsync("/Activities");
        var feed = calendar.QuerySelector("main p.reference")!.TextContent.Trim();
        Assert.StartsWith("http://localhost/calendar/areas/", feed);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(new Uri(feed).PathAndQuery)).StatusCode);
        Assert.StartsWith("webcal://localhost/calendar/areas/", calendar.QuerySelector("main a[href^='webcal:']")!.GetAttribute("href"));
    }
}
