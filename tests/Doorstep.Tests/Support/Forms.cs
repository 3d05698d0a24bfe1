using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Doorstep.Tests.Support;

/// <summary>Reads pages and posts their forms the way a browser would, antiforgery token included.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.ReadHtmlAsync();
    }

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs the page, takes the antiforgery token of its first POST form, and posts the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formAction = null)
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]")
            .Select(f => f.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value)
            .First(t => t is not null)!;
        var body = fields.ToList();
        body.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(formAction ?? url, new FormUrlEncodedContent(body));
    }

    /// <summary>Every field of the page's main form with its current value, as a browser would submit it unchanged.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlDocument page)
    {
        var form = page.QuerySelector<IHtmlFormElement>("main form.form") ?? page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Name == "__RequestVerificationToken" || input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            fields.Add(new(input.Name!, input.Value));
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields.Add(new(select.Name!, select.Value ?? ""));
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields.Add(new(area.Name!, area.Value));
        }

        return fields;
    }

    /// <summary>The fields with one value replaced, as when a user edits one box.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value) =>
        fields.Where(f => f.Key != name).Append(new(name, value)).ToList();
}
