using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Accounts;

public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
