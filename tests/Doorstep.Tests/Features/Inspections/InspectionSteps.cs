using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Features.Inspections;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NetVips;

namespace Doorstep.Tests.Features.Inspections;

/// <summary>Arranging problem spots the way users make them: the report form (with a photo) and the steps on the details page.</summary>
internal static class InspectionSteps
{
    public const string Handler = InspectionsDemo.HandlerUserName;

    public static Task<int> AreaAsync(this DoorstepApp app, string name) =>
        app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == name).Select(a => a.Id).FirstAsync());

    public static Task<int> CategoryAsync(this DoorstepApp app, string name) =>
        app.WithDbAsync(db => db.Set<InspectionCategory>().Where(c => c.Name == name).Select(c => c.Id).FirstAsync());

    public static Task<ProblemSpot> SpotAsync(this DoorstepApp app, int id) =>
        app.WithDbAsync(db => db.Set<ProblemSpot>().AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>A small photo as a phone sends it.</summary>
    public static byte[] Photo(int width = 320, int height = 240)
    {
        using var image = Image.Black(width, height, bands: 3) + 90;
        return image.JpegsaveBuffer(q: 80);
    }

    /// <summary>Posts the report form as multipart with one photo; a redirect names the new spot.</summary>
    public static async Task<HttpResponseMessage> ReportAsync(
        this HttpClient client, int areaId, int categoryId, string address, string description = "楼道里堆了旧家具", byte[]? photo = null,
        string reporter = "Volunteer", string? residentPhone = null, int? pointId = null, string? walkDate = null)
    {
        var page = await client.GetPageAsync("/Inspections/Report");
        var token = page.QuerySelector<IHtmlInputElement>("main form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(areaId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.AreaId" },
            { new StringContent(categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.CategoryId" },
            { new StringContent(address), "Input.Address" },
            { new StringContent(description), "Input.Description" },
            { new StringContent(reporter), "Input.ReporterKind" },
            { new StringContent("李阿姨"), "Input.ReporterName" },
        };
        if (residentPhone is not null)
        {
            body.Add(new StringContent(residentPhone), "Input.ResidentPhone");
        }

        if (pointId is not null)
        {
            body.Add(new StringContent(pointId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.InspectionPointId");
        }

        if (walkDate is not null)
        {
            body.Add(new StringContent(walkDate), "Input.WalkDate");
        }

        var file = new ByteArrayContent(photo ?? Photo());
        file.Headers.ContentType = new("image/jpeg");
        body.Add(file, "Photos", "before.jpg");
        return await client.PostAsync("/Inspections/Report", body);
    }

    public static int SpotId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        return int.Parse(path.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one step's form from the details page (Start, Verify, Reopen, Decline …) with the version shown.</summary>
    public static async Task<HttpResponseMessage> StepAsync(this HttpClient client, int id, string handler, string? note = null)
    {
        var page = await client.GetPageAsync($"/Inspections/Details/{id}");
        var version = page.QuerySelector<IHtmlInputElement>("input[name=Version]")?.Value ?? "0";
        var fields = new Dictionary<string, string> { ["Version"] = version };
        if (note is not null)
        {
            fields["Note"] = note;
        }

        // Any form's token will do (the layout's sign-out form is on every page): a step the page does not
        // offer is still posted, as a crafted request would be.
        fields["__RequestVerificationToken"] = page.QuerySelectorAll<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]").First().Value;
        return await client.PostAsync($"/Inspections/Details/{id}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>整改完成 with an after-photo, as the handler's form sends it.</summary>
    public static async Task<HttpResponseMessage> FixAsync(this HttpClient client, int id, string note, bool withPhoto = true)
    {
        var page = await client.GetPageAsync($"/Inspections/Details/{id}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form").First(f => f.Action.Contains("handler=Fixed", StringComparison.Ordinal));
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value), "Version" },
            { new StringContent(note), "Note" },
        };
        if (withPhoto)
        {
            var file = new ByteArrayContent(Photo(200, 150));
            file.Headers.ContentType = new("image/jpeg");
            body.Add(file, "Photos", "after.jpg");
        }

        return await client.PostAsync($"/Inspections/Details/{id}?handler=Fixed", body);
    }

    public static async Task<string> AlertOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
    }
}
