using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Doorstep.Infrastructure;

/// <summary>
/// Razor Pages keep the route value "page" for the page's own name, so a list's page number cannot be
/// an asp-route value: it is added to the address the page's name gave (Url.Page) here.
/// </summary>
public static class PageLinks
{
    public static string WithPage(string url, int page) =>
        QueryHelpers.AddQueryString(url, "page", page.ToString(CultureInfo.InvariantCulture));
}
