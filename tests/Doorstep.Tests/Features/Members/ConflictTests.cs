using System.Net;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

/// <summary>Two people edit one file through HTTP: nothing either of them typed is lost without their choosing.</summary>
[Collection(SharedApp.Name)]
public class ConflictTests(DoorstepApp app)
{
    private Task<(string? Education, string? Notes)> SavedAsync(int id) =>
        app.WithDbAsync(async db => await db.Members.Where(m => m.Id == id).Select(m => new ValueTuple<string?, string?>(m.Education, m.Notes)).SingleAsync());

    [Fact]
    public async Task Saving_again_after_a_conflict_does_not_revert_the_other_persons_changes()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 11);
        var first = await app.SignedInAsync("zhangqiao");
        var second = await app.SignedInAsync("admin");
        var firstForm = Forms.FieldsOf(await first.GetPageAsync($"/Members/Edit/{id}"));
        var secondForm = Forms.FieldsOf(await second.GetPageAsync($"/Members/Edit/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/Members/Edit/{id}",
            firstForm.With("Input.Education", "大学本科").With("Input.Notes", "第一位干部的备注"))).StatusCode);

        var conflict = await second.PostFormAsync($"/Members/Edit/{id}", secondForm.With("Input.Notes", "第二位的备注"));
        var again = await second.PostFormAsync($"/Members/Edit/{id}", Forms.FieldsOf(await conflict.ReadHtmlAsync()));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ReadHtmlAsync();
        Assert.Contains("请选择保留哪一个学历", page.QuerySelector("[data-valmsg-for='Input.Education']")!.TextContent);
        Assert.Equal(("大学本科", "第一位干部的备注"), await SavedAsync(id));
    }

    [Fact]
    public async Task After_a_conflict_each_differing_field_shows_both_values_and_only_the_chosen_ones_are_saved()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 12);
        var first = await app.SignedInAsync("zhangqiao");
        var second = await app.SignedInAsync("admin");
        var firstForm = Forms.FieldsOf(await first.GetPageAsync($"/Members/Edit/{id}"));
        var secondForm = Forms.FieldsOf(await second.GetPageAsync($"/Members/Edit/{id}"));
        await first.PostFormAsync($"/Members/Edit/{id}", firstForm.With("Input.Education", "大学本科").With("Input.Notes", "第一位干部的备注"));

        var conflict = await (await second.PostFormAsync($"/Members/Edit/{id}", secondForm.With("Input.Notes", "第二位的备注"))).ReadHtmlAsync();

        var choices = conflict.QuerySelectorAll("fieldset.conflict").Select(f => f.TextContent).ToList();
        Assert.Equal(2, choices.Count);
        Assert.Contains(choices, c => c.Contains("学历") && c.Contains("对方已保存的值：大学本科") && c.Contains("您填写的值："));
        Assert.Contains(choices, c => c.Contains("备注") && c.Contains("对方已保存的值：第一位干部的备注") && c.Contains("您填写的值：第二位的备注"));
        Assert.Equal(("大学本科", "第一位干部的备注"), await SavedAsync(id));

        var chosen = Forms.FieldsOf(conflict).With("Choices[Education]", "theirs").With("Choices[Notes]", "mine");
        var saved = await second.PostFormAsync($"/Members/Edit/{id}", chosen);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("大学本科", "第二位的备注"), await SavedAsync(id));
    }

    [Fact]
    public async Task Choices_made_against_a_version_that_has_since_moved_on_are_asked_again()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 13);
        var first = await app.SignedInAsync("zhangqiao");
        var second = await app.SignedInAsync("admin");
        var secondForm = Forms.FieldsOf(await second.GetPageAsync($"/Members/Edit/{id}"));
        await first.PostFormAsync($"/Members/Edit/{id}", Forms.FieldsOf(await first.GetPageAsync($"/Members/Edit/{id}")).With("Input.Notes", "甲"));
        var conflict = await (await second.PostFormAsync($"/Members/Edit/{id}", secondForm.With("Input.Notes", "乙"))).ReadHtmlAsync();
        await first.PostFormAsync($"/Members/Edit/{id}", Forms.FieldsOf(await first.GetPageAsync($"/Members/Edit/{id}")).With("Input.Notes", "丙"));

        var late = await second.PostFormAsync($"/Members/Edit/{id}", Forms.FieldsOf(conflict).With("Choices[Notes]", "mine"));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("对方已保存的值：丙", (await late.ReadHtmlAsync()).QuerySelector("fieldset.conflict")!.TextContent);
        Assert.Equal("丙", (await SavedAsync(id)).Notes);
    }
}
