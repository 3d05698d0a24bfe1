using Doorstep.Features.Members;

namespace Doorstep.Tests.Features.Members;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("310109193804120010")]
    public void A_number_with_the_right_check_character_and_a_real_birth_date_is_valid(string number)
    {
        var first17 = number[..17];
        var valid = first17 + IdNumber.CheckCharacter(first17);

        Assert.Null(IdNumber.Problem(valid));
    }

    [Fact]
    public void The_check_character_of_the_standard_example_is_X()
    {
        Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));
    }

    [Theory]
    [InlineData("110105194912310021", "身份证号校验位不正确，请核对是否有数字输错。")]
    [InlineData("11010519491231002", "身份证号应为18位，现在是17位。")]
    [InlineData("110105194913310028", "身份证号中的出生日期（第7至14位）不是有效日期。")]
    [InlineData("1101051949123100AX", "身份证号前17位应为数字，最后一位为数字或X。")]
    public void A_wrong_number_is_explained_in_Chinese(string number, string problem)
    {
        Assert.Equal(problem, IdNumber.Problem(number));
    }

    [Fact]
    public void The_birth_date_is_read_from_digits_7_to_14()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDate("11010519491231002X"));
    }
}
