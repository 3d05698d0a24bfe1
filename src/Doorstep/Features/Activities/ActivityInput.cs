using System.ComponentModel.DataAnnotations;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Activities;

/// <summary>The activity form, as typed. <see cref="Where"/>: an area's id, "sub" (the sub-district holds it) or "all" (a row per area).</summary>
public sealed class ActivityInput
{
    public const string SubDistrictWide = "sub";
    public const string EveryArea = "all";

    [Display(Name = "类型")]
    public ActivityKind? Kind { get; set; }

    [Display(Name = "活动名称"), PlainText]
    public string Title { get; set; } = "";

    [Display(Name = "举办范围")]
    public string? Where { get; set; }

    [Display(Name = "主办党组织")]
    public int? OrganiserOrgUnitId { get; set; }

    [Display(Name = "主办部门")]
    public int? OrganiserDepartmentId { get; set; }

    [Display(Name = "协办单位"), PlainText]
    public string? Partner { get; set; }

    [Display(Name = "地点"), PlainText]
    public string? Place { get; set; }

    [Display(Name = "功能区"), PlainText]
    public string? Zones { get; set; }

    [Display(Name = "参加对象"), PlainText]
    public string? Audience { get; set; }

    [Display(Name = "名额")]
    public int? Capacity { get; set; }

    [Display(Name = "活动内容"), PlainText]
    public string? Description { get; set; }

    [Display(Name = "日期")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "开始时间")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "时长（分钟）")]
    public int? Minutes { get; set; } = 120;

    [Display(Name = "重复")]
    public RepeatKind Repeat { get; set; }

    [Display(Name = "重复规则"), PlainText]
    public string? CustomRule { get; set; }

    [Display(Name = "重复截止日期")]
    public DateOnly? RepeatUntil { get; set; }

    [Display(Name = "法定节假日不举行")]
    public bool SkipHolidays { get; set; } = true;
}
