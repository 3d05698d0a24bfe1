using Doorstep.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features;

/// <summary>The Chinese page for a status code without a body: 404, 403, 400, 413 …</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel(UploadLimit limit) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Advice { get; private set; } = "";

    public IActionResult OnGet() => Handle();

    public IActionResult OnPost() => Handle();

    // An API refused before its endpoint ran (401, 403, 415) is re-executed with its own method.
    public IActionResult OnPut() => Handle();

    public IActionResult OnPatch() => Handle();

    public IActionResult OnDelete() => Handle();

    // The code is read from the route, not bound: binding would first read the request's form,
    // which is exactly what fails for an oversized or malformed request.
    private IActionResult Handle()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : StatusCodes.Status404NotFound;
        (Heading, Advice) = Describe(code, limit.Megabytes);
        // Reached directly (/Status/404) this page still answers with the code it describes.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        if (original?.OriginalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new ObjectResult(new ProblemDetails { Status = Response.StatusCode, Title = Heading, Detail = Advice })
            {
                StatusCode = Response.StatusCode,
            };
        }

        return Page();
    }

    public static (string Heading, string Advice) Describe(int code, int maxUploadMegabytes) => code switch
    {
        400 => ("请求无法处理", "提交的内容不完整或已过期。请返回上一页，刷新后重新填写。"),
        401 => ("请先登录", "请登录后再使用此功能。"),
        403 => ("没有权限", "您的账户无权查看此内容。如需使用，请联系街道管理员。"),
        404 => ("找不到这个页面", "您要找的页面不存在或已被移走。请检查网址，或从首页重新进入。"),
        405 => ("请求方式不正确", "请从页面上的按钮进行操作。"),
        413 => ("文件太大", $"上传的内容超过了允许的大小（{maxUploadMegabytes} MB）。请拆分后再上传。"),
        415 => ("内容格式不支持", "请以 JSON（Content-Type: application/json，UTF-8 编码）提交。"),
        429 => ("操作太频繁", "请稍等片刻再试。"),
        _ => ("请求未能完成", "请返回上一页重试。"),
    };
}
