using Doorstep.BrowserTests.Support;
using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.BrowserTests.Layout;

/// <summary>The pages the checks of the shared layout visit.</summary>
public static class LayoutPages
{
    public const string SignIn = "/Accounts/SignIn";

    /// <summary>吴德勤 of 瑞鑫: the demo's oldest named member, with the most care needs on file.</summary>
    public static Task<int> MemberAsync(BrowserApp app) =>
        app.WithDbAsync(db => db.Members.Where(m => m.Name == "吴德勤").Select(m => m.Id).FirstAsync());

    /// <summary>彩虹之嘉, the demo's temporary branch.</summary>
    public static Task<int> TemporaryBranchAsync(BrowserApp app) =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Kind == OrgUnitKind.TemporaryBranch).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync());

    /// <summary>A file name for a page's screenshot: /Members/Details/12 → Members-Details-12.</summary>
    public static string FileName(string path) =>
        path == "/" ? "Home" : new string(path.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
