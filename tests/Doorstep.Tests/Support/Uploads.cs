using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Doorstep.Tests.Support;

/// <summary>Uploads a file the way a browser submits a file field, and follows a member import to its end.</summary>
public static class Uploads
{
    public sealed record ImportProgress(string Status, bool Finished, int? Percent, string Text);

    /// <summary>GETs the page, takes the antiforgery token of its POST form, and posts the file as multipart/form-data.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, string fileName, byte[] content, string field = "Upload")
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector<IHtmlInputElement>("main form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("application/octet-stream");
        body.Add(file, field, fileName);
        return await client.PostAsync(url, body);
    }

    /// <summary>Uploads a roster and waits for its check; returns the import's preview URL.</summary>
    public static async Task<string> UploadRosterAsync(this HttpClient client, string fileName, byte[] content)
    {
        var response = await client.UploadAsync("/Members/Import", fileName, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var preview = response.Headers.Location!.OriginalString;
        await client.WaitForImportAsync(preview);
        return preview;
    }

    /// <summary>Confirms a checked import and waits until it is written (or refused).</summary>
    public static async Task ConfirmImportAsync(this HttpClient client, string preview)
    {
        var response = await client.PostFormAsync(preview, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await client.WaitForImportAsync(preview);
    }

    /// <summary>Polls the progress endpoint the page's script polls, until the background pass has finished.</summary>
    public static async Task<ImportProgress> WaitForImportAsync(this HttpClient client, string preview)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var progress = await client.GetFromJsonAsync<ImportProgress>(preview + "?handler=Progress");
            if (progress!.Finished)
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The import at {preview} did not finish: {progress}");
            await Task.Delay(100);
        }
    }
}
