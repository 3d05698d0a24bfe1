using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Tests.Architecture;

/// <summary>
/// Razor Pages keep the page's own name in the route value "page", and model binding reads route
/// values before the query string: a handler's plain <c>int page</c> gets "/Transfers/Index", fails to
/// convert and stays 1, so every pager link showed the first page again. The page number must say
/// where it comes from; so must a form, which posts it in a field (asp-route-page would rename the page).
/// </summary>
public class PageNumberBindingTests
{
    [Fact]
    public void Every_handlers_page_number_is_read_from_the_query_or_the_form_never_from_the_route()
    {
        var unbound = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters()
                    .Where(p => string.Equals(p.Name, "page", StringComparison.OrdinalIgnoreCase)
                        && p.GetCustomAttribute<FromQueryAttribute>() is null
                        && p.GetCustomAttribute<FromFormAttribute>() is null)
                    .Select(p => $"{t.Name}.{m.Name}({p.Name})")))
            .ToList();

        Assert.Contains(typeof(Program).Assembly.GetTypes(), t => typeof(PageModel).IsAssignableFrom(t));
        Assert.Empty(unbound);
    }

    [Fact]
    public void No_form_or_link_sets_the_route_value_page()
    {
        var offending = Directory.EnumerateFiles(Support.SourceTree.App, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("asp-route-page=", StringComparison.Ordinal))
            .Select(Support.SourceTree.Relative)
            .ToList();

        Assert.Empty(offending);
    }
}
