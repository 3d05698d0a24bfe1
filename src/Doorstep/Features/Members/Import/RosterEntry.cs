using Doorstep.Infrastructure;

namespace Doorstep.Features.Members.Import;

/// <summary>
/// One data row read into a member's fields, each tidied the way a careful clerk would (full-width
/// digits, stray spaces, a lower-case x, 居民区 or not). A blank cell stays null: on a file already
/// held it keeps what is on file.
/// </summary>
public sealed partial class RosterEntry
{
    public required int Row { get; init; }
    public string? Name { get; private set; }
    public Gender? Gender { get; private set; }
    public string? Ethnicity { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? IdNumber { get; private set; }
    public string? Phone { get; private set; }
    public string? Education { get; private set; }
    public DateOnly? JoinedOn { get; private set; }
    public DateOnly? FullMemberOn { get; private set; }
    public MemberCategory? Category { get; private set; }
    public int? OrgUnitId { get; private set; }
    public string? RegisteredAddress { get; private set; }
    public int? RegisteredAreaId { get; private set; }
    public string? ResidenceAddress { get; private set; }
    public int? ResidenceAreaId { get; private set; }
    public List<CareNeeds>? CareNeeds { get; private set; }
    public MemberStatus? Status { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>What could not be read, by field; the row is reported and not imported.</summary>
    public List<(RosterField Field, string Message)> Problems { get; } = [];

    /// <summary>入党日期 and 转正日期 given to the month only: stored as the 1st, and said so on the check page.</summary>
    public List<RosterField> MonthOnly { get; } = [];

    /// <summary>A birth date given to the month only waits for the ID number, which may settle its day.</summary>
    private RosterDateResult? _birthMonth;

    public static RosterEntry Read(RosterRow row, RosterHeader header, RosterNames names)
    {
        var entry = new RosterEntry { Row = row.Number };
        foreach (var (field, column) in header.Columns)
        {
            var cell = row[column];
            if (RosterCell.Text(cell) is not { Length: > 0 } text)
            {
                continue;
            }

            entry.Read(field, cell, text, names);
        }

        entry.SettleBirthDate();
        return entry;
    }

    private void Read(RosterField field, object? cell, string text, RosterNames names)
    {
        switch (field)
        {
            case RosterField.Name:
                Name = PersonName(text);
                break;
            case RosterField.Gender:
                Gender = text.TrimEnd('性') switch
                {
                    "男" => Members.Gender.Male,
                    "女" => Members.Gender.Female,
                    _ => Problem<Gender?>(field, $"性别“{text}”无法识别"),
                };
                break;
            case RosterField.Ethnicity:
                // Rosters often write 汉 for 汉族, 蒙古 for 蒙古族.
                Ethnicity = text.EndsWith('族') || text.Length > 3 ? text : text + "族";
                break;
            case RosterField.BirthDate:
                var birth = RosterDate.Read(cell);
                if (birth.MonthOnly)
                {
                    _birthMonth = birth;
                }
                else
                {
                    BirthDate = Date(field, birth);
                }

                break;
            case RosterField.IdNumber:
                // Typed without a leading apostrophe, Excel keeps 15 significant digits of an 18-digit number.
                IdNumber = cell is double
                    ? Problem<string?>(field, $"身份证号“{text}”被 Excel 存成了数字，末尾几位已经丢失")
                    : TextNormalizer.Compact(text).ToUpperInvariant();
                break;
            case RosterField.Phone:
                Phone = PhoneNumber.Parse(text) is { } phone ? phone.Stored : text;
                break;
            case RosterField.Education:
                Education = text;
                break;
            case RosterField.JoinedOn:
                JoinedOn = PartyDate(field, cell);
                break;
            case RosterField.FullMemberOn:
                FullMemberOn = PartyDate(field, cell);
                break;
            case RosterField.Category:
                Category = TextNormalizer.Compact(text) switch
                {
                    "正式党员" or "正式" => MemberCategory.Full,
                    "预备党员" or "预备" => MemberCategory.Probationary,
                    _ => Problem<MemberCategory?>(field, $"党员类别“{text}”无法识别"),
                };
                break;
            case RosterField.OrgUnit:
                OrgUnitId = Matched(field, names.Unit(text));
                break;
            case RosterField.RegisteredAddress:
                RegisteredAddress = text;
                break;
            case RosterField.RegisteredArea:
                RegisteredAreaId = Matched(field, names.Area(text));
                break;
            case RosterField.ResidenceAddress:
                ResidenceAddress = text;
                break;
            case RosterField.ResidenceArea:
                ResidenceAreaId = Matched(field, names.Area(text));
                break;
            case RosterField.CareNeeds:
                CareNeeds = Needs(text);
                break;
            case RosterField.Status:
                Status = TextNormalizer.Compact(text) switch
                {
                    "正常" => MemberStatus.Normal,
                    "失联" or "失联党员" => MemberStatus.LostContact,
                    "流动" or "流动党员" => MemberStatus.Mobile,
                    "已转出" or "转出" => MemberStatus.TransferredOut,
                    "已故" or "去世" or "已去世" => MemberStatus.Deceased,
                    _ => Problem<MemberStatus?>(field, $"状态“{text}”无法识别"),
                };
                break;
            case RosterField.Notes:
                Notes = text;
                break;
        }
    }

    /// <summary>Copies what the row holds onto the input; blank cells leave the input as it was.</summary>
    public void ApplyTo(MemberInput input)
    {
        if (Name is not null) input.Name = Name;
        if (Gender is { } gender) input.Gender = gender;
        if (Ethnicity is not null) input.Ethnicity = Ethnicity;
        if (BirthDate is { } birth) input.BirthDate = birth;
        if (IdNumber is not null) input.IdNumber = IdNumber;
        if (Phone is not null) input.Phone = Phone;
        if (Education is not null) input.Education = Education;
        if (JoinedOn is { } joined) input.JoinedOn = joined;
        if (FullMemberOn is { } full) input.FullMemberOn = full;
        if (Category is { } category) input.Category = category;
        if (OrgUnitId is { } unit) input.OrgUnitId = unit;
        if (RegisteredAddress is not null) input.RegisteredAddress = RegisteredAddress;
        if (RegisteredAreaId is { } registered) input.RegisteredAreaId = registered;
        if (ResidenceAddress is not null) input.ResidenceAddress = ResidenceAddress;
        if (ResidenceAreaId is { } residence) input.ResidenceAreaId = residence;
        if (CareNeeds is not null) input.CareNeeds = CareNeeds;
        if (Status is { } status) input.Status = status;
        if (Notes is not null) input.Notes = Notes;
    }

    /// <summary>
    /// For a new file, what the ID number tells when the row leaves it out: the birth date and, by the
    /// parity of the 17th digit, the gender; a full member is one with a 转正 date.
    /// </summary>
    public void FillFromIdNumber(MemberInput input)
    {
        if (input.NormalizedIdNumber is not { Length: 18 } id || Members.IdNumber.Problem(id) is not null)
        {
            return;
        }

        if (BirthDate is null)
        {
            input.BirthDate = Members.IdNumber.BirthDate(id);
        }

        if (Gender is null)
        {
            input.Gender = (id[16] - '0') % 2 == 1 ? Members.Gender.Male : Members.Gender.Female;
        }
    }

    /// <summary>Chinese rosters pad two-character names with a space to line them up with three: 王　芳.</summary>
    private static string PersonName(string text) =>
        text.Contains(' ', StringComparison.Ordinal) && text.All(c => c == ' ' || c is >= '\u3400' and <= '\u9fff')
            ? text.Replace(" ", "", StringComparison.Ordinal)
            : text;

    private List<CareNeeds>? Needs(string text)
    {
        var needs = new List<CareNeeds>();
        foreach (var item in text.Split(['、', ',', '，', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var need = MemberInput.CareNeedChoices.FirstOrDefault(n => Member.Labels(n).Single() == item);
            if (need == Members.CareNeeds.None)
            {
                return Problem<List<CareNeeds>?>(RosterField.CareNeeds, $"关怀需求“{item}”无法识别");
            }

            if (!needs.Contains(need))
            {
                needs.Add(need);
            }
        }

        return needs;
    }

    private DateOnly? Date(RosterField field, RosterDateResult result) =>
        result.Problem is { } problem ? Problem<DateOnly?>(field, problem) : result.Date;

    /// <summary>A party date to the month is the 1st of it; the rules read a 1st as the whole month (PartyDates).</summary>
    private DateOnly? PartyDate(RosterField field, object? cell)
    {
        var result = RosterDate.Read(cell);
        if (result.MonthOnly && result.Problem is null)
        {
            MonthOnly.Add(field);
        }

        return Date(field, result);
    }

    /// <summary>
    /// 1938.5 agrees with any day of May 1938: when the ID number says 1938-05-17, that is the birth
    /// date, and 1950.1 is January or October as the ID number says. Otherwise the 1st of the month
    /// stands, and the rule across fields says where it disagrees with the ID number.
    /// </summary>
    private void SettleBirthDate()
    {
        if (_birthMonth is not { } month)
        {
            return;
        }

        var fromId = IdNumber is { } id && Members.IdNumber.Problem(id) is null ? Members.IdNumber.BirthDate(id) : null;
        BirthDate = fromId is { } day && month.Admits(day) ? day : Date(RosterField.BirthDate, month);
    }

    private int? Matched(RosterField field, NameMatch match) =>
        match.Problem is { } problem ? Problem<int?>(field, problem) : match.Id;

    private T? Problem<T>(RosterField field, string message)
    {
        Problems.Add((field, message));
        return default;
    }
}
