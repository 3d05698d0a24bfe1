using Doorstep.Features.Inspections;

namespace Doorstep.Tests.Features.Inspections;

/// <summary>The workflow's rules on the entity, without a database, with the clock set by each test.</summary>
public class SpotRulesTests
{
    private const int SubDistrict = 1, Zhangqiao = 2, Ruixin = 3, Hygiene = 10, Facilities = 11, CityManagement = 20, SafetyCommittee = 21;
    private static readonly DateTime Monday = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);

    private static readonly SpotActor Admin = new("u-admin", "admin", SubDistrict, null, null, IsAdmin: true);
    private static readonly SpotActor ZhangqiaoCadre = new("u-zq", "zhangqiao", SubDistrict, Zhangqiao, null, IsAdmin: false);
    private static readonly SpotActor RuixinCadre = new("u-rx", "ruixin", SubDistrict, Ruixin, null, IsAdmin: false);
    private static readonly SpotActor CityHandler = new("u-cg", "chengguan", SubDistrict, null, CityManagement, IsAdmin: false);
    private static readonly SpotActor SafetyHandler = new("u-aw", "anwei", SubDistrict, null, SafetyCommittee, IsAdmin: false);

    private static readonly ResponsibilityRule HygieneInZhangqiao = new()
    {
        SubDistrictId = SubDistrict,
        AreaId = Zhangqiao,
        CategoryId = Hygiene,
        DepartmentId = CityManagement,
        ResponsiblePerson = "陈建国",
        DeadlineHours = 24,
    };

    private static ProblemSpot Reported(int category = Hygiene, DateTime? at = null) =>
        ProblemSpot.Register(SubDistrict, Zhangqiao, category, "绿化带里有垃圾", "张桥路 88 弄", ReporterKind.Volunteer, "李阿姨", ZhangqiaoCadre, at ?? Monday);

    [Fact]
    public void A_new_spot_is_routed_by_the_matrix_row_of_its_area_and_category_with_its_deadline()
    {
        var spot = Reported();

        Assert.True(spot.Route(HygieneInZhangqiao, Monday));

        Assert.Equal(SpotStatus.Dispatched, spot.Status);
        Assert.Equal(CityManagement, spot.DepartmentId);
        Assert.Equal("陈建国", spot.ResponsiblePerson);
        Assert.Equal(Monday.AddHours(24), spot.DueAt);
    }

    [Fact]
    public void A_row_for_another_category_or_no_row_leaves_the_spot_registered_for_the_sub_district_to_route()
    {
        var spot = Reported(Facilities);

        Assert.False(spot.Route(HygieneInZhangqiao, Monday));
        Assert.False(spot.Route(null, Monday));

        Assert.Equal(SpotStatus.Registered, spot.Status);
        Assert.Null(spot.DepartmentId);
        Assert.False(spot.IsOverdue(Monday.AddDays(30)));
    }

    [Fact]
    public void A_spot_is_overdue_only_after_its_deadline_and_only_while_open_and_escalates_once_a_day_later()
    {
        var spot = Reported();
        spot.Route(HygieneInZhangqiao, Monday);

        Assert.False(spot.IsOverdue(Monday.AddHours(24)));
        Assert.True(spot.IsOverdue(Monday.AddHours(24).AddMinutes(1)));
        Assert.False(spot.EscalateIfLate(Monday.AddHours(47)));
        Assert.True(spot.EscalateIfLate(Monday.AddHours(48)));
        Assert.False(spot.EscalateIfLate(Monday.AddHours(72)));
        Assert.Equal(Monday.AddHours(48), spot.EscalatedAt);

        Assert.Null(spot.MarkFixed(CityHandler, "已清理", afterPhotos: 1, Monday.AddHours(50)));
        Assert.False(spot.IsOverdue(Monday.AddHours(60)));
        Assert.False(spot.FixedInTime);
    }

    [Fact]
    public void Only_the_responsible_department_or_the_sub_district_rectifies_and_a_fix_needs_a_note_and_an_after_photo()
    {
        var spot = Reported();
        spot.Route(HygieneInZhangqiao, Monday);

        Assert.IsType<NotYourStep>(spot.Start(SafetyHandler, Monday));
        Assert.IsType<NotYourDepartment>(spot.MarkFixed(ZhangqiaoCadre, "已清理", 1, Monday));
        Assert.Null(spot.Start(CityHandler, Monday.AddHours(1)));
        Assert.IsType<FixNoteRequired>(spot.MarkFixed(CityHandler, " ", 1, Monday.AddHours(2)));
        Assert.IsType<AfterPhotoRequired>(spot.MarkFixed(CityHandler, "已清理", 0, Monday.AddHours(2)));

        Assert.Null(spot.MarkFixed(CityHandler, "已清理", 1, Monday.AddHours(2)));

        Assert.Equal(SpotStatus.Fixed, spot.Status);
        Assert.True(spot.FixedInTime);
        Assert.Equal("u-cg", spot.FixedByUserId);
    }

    [Fact]
    public void The_person_who_recorded_the_fix_may_not_verify_it_and_another_of_the_area_may()
    {
        var spot = Reported();
        spot.Route(HygieneInZhangqiao, Monday);
        Assert.Null(spot.MarkFixed(Admin, "街道直接清理", 1, Monday.AddHours(3)));

        Assert.IsType<VerifierIsFixer>(spot.Verify(Admin, Monday.AddHours(4)));
        Assert.IsType<NotYourStep>(spot.Verify(RuixinCadre, Monday.AddHours(4)));
        Assert.IsType<NotYourStep>(spot.Verify(CityHandler, Monday.AddHours(4)));
        Assert.Null(spot.Verify(ZhangqiaoCadre, Monday.AddHours(4)));

        Assert.Equal(SpotStatus.Verified, spot.Status);
        Assert.Equal("zhangqiao", spot.VerifiedBy);
        Assert.IsType<StepNotOpen>(spot.Reopen(ZhangqiaoCadre, "又脏了", Monday.AddHours(5)));
    }

    [Fact]
    public void Reopening_needs_a_reason_and_sends_the_spot_back_to_rectification_keeping_its_deadline()
    {
        var spot = Reported();
        spot.Route(HygieneInZhangqiao, Monday);
        spot.MarkFixed(CityHandler, "已清理", 1, Monday.AddHours(2));

        Assert.IsType<ReasonRequired>(spot.Reopen(ZhangqiaoCadre, "", Monday.AddHours(3)));
        Assert.Null(spot.Reopen(ZhangqiaoCadre, "绿化带里仍有垃圾", Monday.AddHours(3)));

        Assert.Equal(SpotStatus.InProgress, spot.Status);
        Assert.Equal(1, spot.ReopenCount);
        Assert.Equal("绿化带里仍有垃圾", spot.LastReason);
        Assert.Null(spot.FixedAt);
        Assert.Equal(Monday.AddHours(24), spot.DueAt);
        Assert.True(spot.IsOverdue(Monday.AddHours(25)));
    }

    [Fact]
    public void Not_ours_returns_the_spot_for_rerouting_which_only_the_sub_district_does_with_a_reason_and_a_new_deadline()
    {
        var spot = Reported();
        spot.Route(HygieneInZhangqiao, Monday);

        Assert.IsType<ReasonRequired>(spot.Decline(CityHandler, null));
        Assert.Null(spot.Decline(CityHandler, "属于物业，请派安委会"));
        Assert.Equal(SpotStatus.NotOurs, spot.Status);
        Assert.True(spot.IsOpen);

        Assert.IsType<OnlySubDistrictReroutes>(spot.Reroute(ZhangqiaoCadre, SafetyCommittee, null, 48, "派错", Monday.AddHours(5)));
        Assert.IsType<ReasonRequired>(spot.Reroute(Admin, SafetyCommittee, null, 48, " ", Monday.AddHours(5)));
        Assert.Null(spot.Reroute(Admin, SafetyCommittee, "刘明", 48, "物业范围，改由安委会督办", Monday.AddHours(5)));

        Assert.Equal(SpotStatus.Dispatched, spot.Status);
        Assert.Equal(SafetyCommittee, spot.DepartmentId);
        Assert.Equal(Monday.AddHours(53), spot.DueAt);
        Assert.IsType<NotYourStep>(spot.Start(CityHandler, Monday.AddHours(6)));
        Assert.Null(spot.Start(SafetyHandler, Monday.AddHours(6)));
    }

    [Fact]
    public void Me_too_raises_the_priority_of_an_open_spot_only()
    {
        var spot = Reported();
        spot.Route(HygieneInZhangqiao, Monday);

        Assert.Null(spot.MeToo());
        Assert.Null(spot.MeToo());
        Assert.Equal(2, spot.Priority);

        spot.MarkFixed(CityHandler, "已清理", 1, Monday);
        Assert.IsType<StepNotOpen>(spot.MeToo());
    }

    [Fact]
    public void A_round_is_due_on_its_weekday_each_week_back_to_its_start()
    {
        var round = new InspectionRound { Weekday = DayOfWeek.Thursday, StartsOn = new DateOnly(2026, 11, 12) };

        var dates = round.DueDates(new DateOnly(2026, 11, 30), 8).ToList();

        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 12)], dates);
    }
}
