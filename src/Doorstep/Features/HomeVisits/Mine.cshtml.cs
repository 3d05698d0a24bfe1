using System.Text.RegularExpressions;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 我的走访, for a cadre on a phone: the outstanding tasks assigned to them (and, for an area cadre,
/// their area's unassigned ones), grouped by building so that one stairwell is one round. Revisits
/// whose day has come are 今天要去. The phone is masked on screen; its tel: link calls in one tap.
/// The query is <see cref="MyVisits"/>, which the benchmark measures.
/// </summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public partial class MineModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) : PageModel
{
    public const int PageSize = MyVisits.PageSize;

    public sealed record Visit(int TaskId, string Campaign, string Name, int Age, string? Address, CareNeeds CareNeeds,
        string? PhoneMasked, string? TelUri, VisitTaskStatus Status, DateOnly? RevisitOn, bool Due);

    public sealed record Building(string Name, IReadOnlyList<Visit> Visits);

    public IReadOnlyList<Building> Buildings { get; private set; } = [];
    public int DueToday { get; private set; }
    public Pager Pager { get; private set; } = Pager.Empty;
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var today = Today;
        var result = await MyVisits.PageAsync(db, today, page, p => PageLinks.WithPage(Url.Page("/HomeVisits/Mine")!, p), HttpContext.RequestAborted);
        DueToday = result.DueToday;
        Pager = result.Pager;
        Buildings = result.Rows
            .Select(r => new Visit(
                r.TaskId, r.Campaign, r.Name, Member.AgeOn(r.BirthDate, today), r.Address, r.CareNeeds,
                r.PhoneTail is null ? null : Masked.Phone(r.PhoneTail, r.PhoneAreaCode),
                r.PhoneCipher is null ? null : PhoneNumber.Parse(protector.Decrypt(r.PhoneCipher))?.TelUri,
                r.Status, r.RevisitOn, r.RevisitOn is { } on && on <= today))
            .GroupBy(v => BuildingOf(v.Address))
            .Select(g => new Building(g.Key, g.OrderByDescending(v => v.Due).ThenBy(v => v.Address, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>The building of an address: up to its number (…路100弄3号, …3号楼), else the whole address.</summary>
    public static string BuildingOf(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "地址未登记"
        : BuildingPattern().Match(address) is { Success: true } m ? m.Value
        : address;

    [GeneratedRegex(@"^.*?\d+\s*(号楼|幢|栋|号)")]
    private static partial Regex BuildingPattern();
}
