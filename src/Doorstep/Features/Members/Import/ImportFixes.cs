namespace Doorstep.Features.Members.Import;

/// <summary>How to fix a problem, said for the person who will edit the spreadsheet.</summary>
public static class ImportFixes
{
    public static string For(RosterField field, string message, string exampleUnit) => field switch
    {
        RosterField.BirthDate or RosterField.JoinedOn or RosterField.FullMemberOn when message.Contains("可能是", StringComparison.Ordinal) =>
            "写明是1月还是10月，如 1965年1月 或 1965年10月",
        RosterField.Name => "填写党员姓名，不超过50个字",
        RosterField.Gender => "填写“男”或“女”；留空则按身份证号判断",
        RosterField.Ethnicity => "填写民族，如“汉族”，不超过20个字",
        RosterField.BirthDate when message.Contains("身份证", StringComparison.Ordinal) => "核对出生日期与身份证号",
        RosterField.BirthDate => RosterDate.Hint + "；留空则按身份证号读取",
        RosterField.IdNumber when message.Contains("出生日期", StringComparison.Ordinal) => "核对身份证号与出生日期，改正填错的一项",
        RosterField.IdNumber when message.Contains("数字", StringComparison.Ordinal) && message.Contains("Excel", StringComparison.Ordinal) =>
            "把这一列设为“文本”格式后重新输入完整的18位号码（或在号码前加英文单引号 '）",
        RosterField.IdNumber => "核对18位公民身份号码，最后一位可以是数字或X",
        RosterField.Phone => "填写以1开头的11位手机号，或留空",
        RosterField.Education => "不超过20个字",
        RosterField.JoinedOn when message.Contains("18岁", StringComparison.Ordinal) => "核对入党日期：应在年满18岁之后、今天之前",
        RosterField.JoinedOn => RosterDate.Hint,
        RosterField.FullMemberOn when message.Contains("正式党员请填写", StringComparison.Ordinal) =>
            "填写转正日期；如果是预备党员，请在“党员类别”一栏写“预备党员”",
        RosterField.FullMemberOn when message.Contains("预备党员", StringComparison.Ordinal) => "预备党员请把转正日期留空，或把党员类别改为“正式党员”",
        RosterField.FullMemberOn when message.Contains("入党日期之后", StringComparison.Ordinal) => "核对转正日期与入党日期",
        RosterField.FullMemberOn => RosterDate.Hint,
        RosterField.Category => "填写“正式党员”或“预备党员”",
        RosterField.OrgUnit when message.Contains("多个", StringComparison.Ordinal) => $"请写党组织全称，如“{exampleUnit}”",
        RosterField.OrgUnit => $"填写您管理范围内的党支部或党总支，如“{exampleUnit}”",
        RosterField.RegisteredAddress or RosterField.ResidenceAddress => "地址不超过200个字",
        RosterField.RegisteredArea or RosterField.ResidenceArea => "填写本街道的居民区名称，如“张桥”或“张桥居民区”；不在本街道的留空",
        RosterField.CareNeeds => "从 视力减弱、行动不便、听力减弱、独居、会用智能手机 中选择，多项用顿号“、”隔开",
        RosterField.Status => "填写 正常、失联、流动、已转出 或 已故",
        RosterField.Notes => "备注不超过2000个字",
    };
}
