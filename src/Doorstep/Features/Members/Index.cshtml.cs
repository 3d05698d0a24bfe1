using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.MemberFiles)]
public class IndexModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public bool CanEdit { get; private set; }
    public bool CanExportFull { get; private set; }
    public MemberFilter Filter { get; private set; } = new();
    /// <summary>How many match; past <see cref="MemberQueries.CountLimit"/> only that there are more.</summary>
    public int Total { get; private set; }

    public bool MoreThanCounted => Total > MemberQueries.CountLimit;

    /// <summary>For a user who reaches several sub-districts, each one's name, shown on its files' cards (ADR 0030).</summary>
    public IReadOnlyDictionary<int, string> SubDistrictNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<MemberRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public IReadOnlyList<Choice> Areas { get; private set; } = [];
    public IReadOnlyList<Choice> OrgUnits { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    private string? _detailsPrefix;

    /// <summary>
    /// A card's link to the file. Routing makes the first (so the route stays the one place that
    /// says where a file lives); the other 19 reuse its path up to the id. Twenty anchor tag
    /// helpers asking routing for a URL each cost more allocations than the page's rows.
    /// </summary>
    public string DetailsHref(int id)
    {
        _detailsPrefix ??= Url.Page("Details", new { id = 0 }) is { } first && first.EndsWith("/0", StringComparison.Ordinal)
            ? first[..^1]
            : throw new InvalidOperationException("A member file's route no longer ends with its id.");
        return _detailsPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // From the query only: Razor Pages puts the page's own path in the route value "page", which
    // would otherwise win the binding, fail to convert and leave every visit on the first page.
    public async Task OnGetAsync([FromQuery] MemberFilter filter, [FromQuery] int page = 1)
    {
        Filter = filter = filter.Sanitized();
        CanEdit = (await authorization.AuthorizeAsync(User, MembersFeature.EditMembers)).Succeeded;
        CanExportFull = (await authorization.AuthorizeAsync(User, MembersFeature.FullExport)).Succeeded;
        var matches = filter.Matches(db, Today, protector);
        Total = await matches.CountAsync();
        var index = Url.Page("Index");
        Pager = new Pager(page, MemberQueries.PageSize, Math.Min(Total, MemberQueries.CountLimit), p => index + filter.ToQueryString(p));
        Rows = await matches.PageAsync(Pager.Skip);
        if (MemberFilter.SeveralSubDistricts(db.CurrentUser.Scope))
        {
            var shown = Rows.Select(r => r.SubDistrictId).Distinct().ToList();
            SubDistrictNames = await db.SubDistricts.AsNoTracking().Where(s => shown.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        }

        var scope = db.CurrentUser.Scope;
        var ownArea = scope.Kind == ScopeKind.ResidentialArea ? scope.ResidentialAreaId : (int?)null;
        if (ownArea is null)
        {
            Areas = await AreaChoices.For(db)(db, scope.SubDistrictId).ToListAsync();
        }

        OrgUnits = await UnitChoices.For(db)(db, scope.SubDistrictId, ownArea).ToListAsync();
    }

    // The filter's choices, compiled: their shape never changes, and a query built, parameterised and
    // looked up in EF's cache on every request cost the list page 17 of its 160 KB of allocations.
    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<Choice>>> AreaChoices = new(() => EF.CompileAsyncQuery(
        (DoorstepDb db, int subDistrictId) => db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == subDistrictId)
            .OrderBy(a => a.Id).Select(a => new Choice(a.Id, a.Name + "居民区"))));

    private static readonly CompiledPerModel<Func<DoorstepDb, int, int?, IAsyncEnumerable<Choice>>> UnitChoices = new(() => EF.CompileAsyncQuery(
        (DoorstepDb db, int subDistrictId, int? areaId) => db.OrgUnits.AsNoTracking()
            .Where(u => u.SubDistrictId == subDistrictId && u.Kind != OrgUnitKind.TemporaryBranch && (areaId == null || u.ResidentialAreaId == areaId))
            .OrderBy(u => u.ResidentialAreaId).ThenBy(u => u.Id).Select(u => new Choice(u.Id, u.Name))));
}
