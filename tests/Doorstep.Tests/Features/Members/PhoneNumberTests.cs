using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Tests.Features.Members;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("021-65431234", "021-65431234", null)]
    [InlineData("02165431234", "021-65431234", null)]
    [InlineData("（021）6543 1234", "021-65431234", null)]
    [InlineData("021 6543-1234", "021-65431234", null)]
    [InlineData("+86 21 65431234", "021-65431234", null)]
    [InlineData("021-65431234-123", "021-65431234", "123")]
    [InlineData("021-65431234转123", "021-65431234", "123")]
    [InlineData("02165431234 分机 8", "021-65431234", "8")]
    [InlineData("0571-8765432", "0571-8765432", null)]
    [InlineData("057187654321", "0571-87654321", null)]
    [InlineData("010-12345678", null, null)]
    public void A_landline_is_read_however_it_was_typed(string typed, string? number, string? extension)
    {
        var phone = PhoneNumber.Parse(typed);

        Assert.Equal(number, phone?.Number);
        Assert.Equal(extension, phone?.Extension);
    }

    [Theory]
    [InlineData("138 0013 8000")]
    [InlineData("+86 13800138000")]
    [InlineData("138-0013-8000")]
    [InlineData("１３８００１３８０００")]
    public void A_mobile_is_read_however_it_was_typed_and_looks_up_by_its_11_digits(string typed)
    {
        var phone = PhoneNumber.Parse(typed)!;

        Assert.Equal(("13800138000", null, "13800138000", "8000"), (phone.Number, phone.AreaCode, phone.LookupKey, phone.Tail));
    }

    private static readonly string[] OneLandlineTypedThreeWays = ["021-65431234", "(021)65431234", "021 6543 1234 转 9"];

    [Fact]
    public void One_landline_typed_three_ways_has_one_lookup_key_and_masks_with_its_area_code()
    {
        var keys = OneLandlineTypedThreeWays.Select(t => PhoneNumber.Parse(t)!.LookupKey).Distinct();
        var phone = PhoneNumber.Parse("021-65431234-9")!;

        Assert.Equal(["02165431234"], keys);
        Assert.Equal("021-****1234", Masked.Phone(phone.Tail, phone.AreaCode));
        Assert.Equal("*******8000", Masked.Phone("8000"));
        Assert.Equal("tel:02165431234,9", phone.TelUri);
    }

    [Theory]
    [InlineData("65431234", "固定电话请加上区号，如 021-65431234。")]
    [InlineData("12345", "电话号码应为以1开头的11位手机号，或带区号的固定电话（如 021-65431234）。")]
    [InlineData("1380013800", "电话号码应为以1开头的11位手机号，或带区号的固定电话（如 021-65431234）。")]
    public void What_is_not_a_phone_number_is_said_in_words(string typed, string problem) =>
        Assert.Equal(problem, PhoneNumber.Problem(typed));
}
