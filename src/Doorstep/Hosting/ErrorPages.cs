namespace Doorstep.Hosting;

public static class ErrorPages
{
    /// <summary>
    /// A failure shows the Chinese error page with a reference id that also stands in the log;
    /// a 4xx without a body (404, 403, 400, 413 …) shows the Chinese status page. API paths get
    /// a Chinese problem+json instead of HTML.
    /// </summary>
    public static WebApplication UseDoorstepErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        return app;
    }
}
