using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features;

/// <summary>What a user sees when something fails: no stack trace, a reference id that also stands in the log.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string ReferenceId { get; private set; } = "";

    public IActionResult OnGet() => Handle();

    public IActionResult OnPost() => Handle();

    private IActionResult Handle()
    {
        ReferenceId = HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            LogFailure(logger, failure.Error, ReferenceId, failure.Path);
        }

        if (failure?.Error is Infrastructure.ScopeViolationException)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return RedirectToPage("/Accounts/AccessDenied");
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (failure?.Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new ObjectResult(new ProblemDetails
            {
                Status = 500,
                Title = "服务器出错",
                Detail = $"请稍后再试；问题编号 {ReferenceId}。",
            })
            { StatusCode = 500 };
        }

        return Page();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed; reference {ReferenceId}, path {Path}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string referenceId, string path);
}
