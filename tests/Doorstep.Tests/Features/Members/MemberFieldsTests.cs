using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Members.Import;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class MemberFieldsTests(DoorstepApp app)
{
    [Theory]
    [InlineData("Gender", "Female", "性别", "女")]
    [InlineData("Status", "LostContact", "状态", "失联")]
    [InlineData("Status", "12345", "状态", "未知（12345）")]
    [InlineData("CareNeeds", "LowVision, LivesAlone", "关怀需求", "视力减弱、独居")]
    [InlineData("BirthDate", "1941-03-15", "出生日期", "1941年3月15日")]
    [InlineData("Education", "大专", "学历", "大专")]
    [InlineData("IdNumberCipher", null, "公民身份号码", null)]
    public void A_stored_value_is_described_with_its_label_and_Chinese_format(string property, string? raw, string label, string? shown) =>
        Assert.Equal(new MemberFieldValue(label, shown), MemberFields.Describe(property, raw));

    [Fact]
    public void Properties_that_are_no_field_of_their_own_are_not_described() =>
        Assert.True(MemberFields.Describe("Version", "3") is null && MemberFields.Describe("IdNumberHash", null) is null);

    [Fact]
    public void The_form_and_the_import_headers_take_their_labels_from_the_catalogue()
    {
        foreach (var field in MemberFields.All)
        {
            var display = typeof(MemberInput).GetProperty(field.InputProperty)!
                .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
                .Cast<System.ComponentModel.DataAnnotations.DisplayAttribute>().Single();
            Assert.Equal(field.Label, display.Name);
        }

        foreach (var (rosterField, _) in RosterHeader.Synonyms)
        {
            var property = rosterField is RosterField.OrgUnit or RosterField.RegisteredArea or RosterField.ResidenceArea ? rosterField + "Id" : rosterField.ToString();
            Assert.Equal(MemberFields.Label(property), RosterHeader.Label(rosterField));
        }
    }

    [Fact]
    public void Every_filter_property_is_in_the_one_list_of_filter_fields()
    {
        var properties = typeof(MemberFilter).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order();
        Assert.Equal(properties, MemberFilter.FieldNames.Order());
    }

    [Fact]
    public async Task An_export_from_the_lives_elsewhere_page_is_audited_with_the_area_used()
    {
        var area = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).SingleAsync());
        var admin = await app.SignedInAsync("admin");

        var response = await admin.GetAsync($"/Members/Export?livesElsewhere=true&registeredAreaId={area}");

        Assert.True(response.IsSuccessStatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "MemberList" && a.UserName == "admin").OrderByDescending(a => a.Id).FirstAsync());
        var filter = AuditTrail.Read(entry.Changes).Single(c => c.Field == "筛选条件").New;
        Assert.Equal("户籍所在居民区：张桥居民区；仅人户分离", filter);
    }
}
