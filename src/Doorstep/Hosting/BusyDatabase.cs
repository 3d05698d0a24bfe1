using Doorstep.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Doorstep.Hosting;

/// <summary>
/// A save that meets a busy database (SQLite's one writer taken for longer than the command timeout,
/// a PostgreSQL lock timeout) is not a failure of the user's: the form comes back with everything
/// they typed and says to save again. Done once, here, for every page's POST handler.
/// </summary>
internal sealed class BusyDatabaseFilter : IAsyncPageFilter
{
    public const string Message = "数据库正忙，请稍后再保存。您填写的内容还在，无需重新填写。";

    /// <summary>The layout shows this above the page.</summary>
    public const string ViewDataKey = "BusyDatabase";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || !IsBusy(exception)
            || context.HandlerMethod is not { } handler || context.HandlerInstance is not PageModel page
            || !HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            return;
        }

        executed.ExceptionHandled = true;
        context.HttpContext.RequestServices.GetRequiredService<DoorstepDb>().ChangeTracker.Clear();
        page.ViewData[ViewDataKey] = Message;
        page.ModelState.AddModelError(string.Empty, Message);
        // The handler again, now with an invalid ModelState: a form page then shows itself with the
        // input as posted, as it does for any validation error, without trying to save.
        var arguments = handler.MethodInfo.GetParameters()
            .Select(p => context.HandlerArguments.TryGetValue(p.Name!, out var value) ? value : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        var returned = handler.MethodInfo.Invoke(page, arguments);
        executed.Result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult result => result,
            Task task => await task.ContinueWith(_ => (IActionResult)new PageResult(), TaskScheduler.Default),
            _ => new PageResult(),
        };
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED; PostgreSQL's lock_not_available (a lock timeout) or a deadlock.</summary>
    public static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                case PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected }:
                    return true;
            }
        }

        return false;
    }
}
