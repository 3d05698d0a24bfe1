using Doorstep.Features.Members.Import;

namespace Doorstep.Tests.Features.Members.Import;

public class RosterDateTests
{
    [Theory]
    [InlineData("1965-03-01", 1965, 3, 1)]
    [InlineData("1965/3/1", 1965, 3, 1)]
    [InlineData("1965.3.1", 1965, 3, 1)]
    [InlineData("1965.3", 1965, 3, 1)]
    [InlineData("1965.03", 1965, 3, 1)]
    [InlineData("1965.10", 1965, 10, 1)]
    [InlineData("1965-3", 1965, 3, 1)]
    [InlineData("1965年3月", 1965, 3, 1)]
    [InlineData("1965年3月1日", 1965, 3, 1)]
    [InlineData("1965年03月01号", 1965, 3, 1)]
    [InlineData("19650301", 1965, 3, 1)]
    [InlineData("196503", 1965, 3, 1)]
    [InlineData("1965/3/1 0:00:00", 1965, 3, 1)]
    [InlineData("1965-03-01T00:00:00", 1965, 3, 1)]
    [InlineData(" 1965 .3 ", 1965, 3, 1)]
    public void Written_dates_in_every_common_shape_are_read(string text, int year, int month, int day) =>
        Assert.Equal((new DateOnly(year, month, day), (string?)null), (RosterDate.Read(text).Date, RosterDate.Read(text).Problem));

    [Theory]
    [InlineData("１９６５．３", 1965, 3, 1)]
    [InlineData("１９６５年３月１日", 1965, 3, 1)]
    [InlineData("１９６５－０３－０１", 1965, 3, 1)]
    [InlineData("1965。3", 1965, 3, 1)]
    [InlineData("\u30001965.3\u3000", 1965, 3, 1)]
    public void Full_width_digits_and_punctuation_are_read_as_half_width(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), RosterDate.Read(text).Date);

    [Theory]
    [InlineData(1965.3, 1965, 3, 1)]
    [InlineData(1965.12, 1965, 12, 1)]
    [InlineData(19650301d, 1965, 3, 1)]
    [InlineData(23802d, 1965, 3, 1)]
    [InlineData(23802.5, 1965, 3, 1)]
    public void Numbers_are_read_as_Excel_holds_them_year_dot_month_or_yyyymmdd_or_a_serial_day(double cell, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), RosterDate.Read(cell).Date);

    [Fact]
    public void A_date_cell_arrives_as_a_DateTime_and_keeps_its_day() =>
        Assert.Equal(new DateOnly(1965, 3, 1), RosterDate.Read(new DateTime(1965, 3, 1, 0, 0, 0, DateTimeKind.Unspecified)).Date);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u3000")]
    public void A_blank_cell_is_no_date_and_no_problem(string? text) =>
        Assert.True(RosterDate.Read(text).IsBlank);

    [Fact]
    public void Year_dot_one_is_refused_because_Excel_turns_1965_point_10_into_1965_point_1()
    {
        Assert.Contains("可能是1965年1月，也可能是1965年10月", RosterDate.Read(1965.1).Problem);
        Assert.Contains("可能是1965年1月", RosterDate.Read("1965.1").Problem);
        Assert.Equal(new DateOnly(1965, 1, 1), RosterDate.Read("1965.01").Date);
    }

    [Theory]
    [InlineData("1965", "“1965”只有年份，请补上月份，如 1965.3")]
    [InlineData("65.3", "“65.3”的年份请写全4位，如 1965.3")]
    [InlineData("1965-02-30", "“1965-02-30”不是有效的日期")]
    [InlineData("1965.13", "“1965.13”不是有效的日期")]
    [InlineData("三月", "无法识别日期“三月”")]
    [InlineData("19653", "无法识别日期“19653”")]
    public void What_cannot_be_a_date_says_why(string text, string problem) =>
        Assert.Equal(new RosterDateResult(null, problem), RosterDate.Read(text));

    [Fact]
    public void A_bare_year_typed_as_a_number_is_not_taken_for_a_serial_day_in_1905() =>
        Assert.Contains("只有年份", RosterDate.Read(1965d).Problem);

    [Theory]
    [InlineData("1938.5")]
    [InlineData("1938年5月")]
    [InlineData("193805")]
    [InlineData(1938.5)]
    public void A_date_to_the_month_is_its_1st_and_agrees_with_any_day_of_that_month(object cell)
    {
        var result = RosterDate.Read(cell);

        Assert.Equal((new DateOnly(1938, 5, 1), true, null), (result.Date, result.MonthOnly, result.Problem));
        Assert.True(result.Admits(new DateOnly(1938, 5, 17)));
        Assert.False(result.Admits(new DateOnly(1938, 6, 17)));
        Assert.False(RosterDate.Read("1938.5.1").Admits(new DateOnly(1938, 5, 17)));
    }

    [Fact]
    public void Year_dot_one_agrees_with_a_day_in_January_or_in_October_and_nothing_else()
    {
        var result = RosterDate.Read("1950.1");

        Assert.True(result.Admits(new DateOnly(1950, 10, 20)));
        Assert.True(result.Admits(new DateOnly(1950, 1, 3)));
        Assert.False(result.Admits(new DateOnly(1950, 3, 3)));
    }
}
