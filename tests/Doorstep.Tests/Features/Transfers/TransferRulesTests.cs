using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Features.Transfers;

namespace Doorstep.Tests.Features.Transfers;

/// <summary>The step rules on the entity, without a database: who may take which step, and what each step does to the file.</summary>
public class TransferRulesTests
{
    private const int Ruixin = 1, Zhangqiao = 2, Dalian = 3;
    private static readonly DateTime Now = new(2021, 5, 13, 2, 0, 0, DateTimeKind.Utc);

    private static readonly OrgUnit ZhangqiaoBranch = new() { Id = 10, SubDistrictId = 1, ResidentialAreaId = Zhangqiao, Kind = OrgUnitKind.Branch, Name = "张桥居民区第一党支部" };
    private static readonly OrgUnit ZhangqiaoBranch2 = new() { Id = 11, SubDistrictId = 1, ResidentialAreaId = Zhangqiao, Kind = OrgUnitKind.Branch, Name = "张桥居民区第二党支部" };
    private static readonly OrgUnit RuixinBranch = new() { Id = 20, SubDistrictId = 1, ResidentialAreaId = Ruixin, Kind = OrgUnitKind.Branch, Name = "瑞鑫居民区第一党支部" };

    private static readonly TransferActor Admin = new("admin", 1, null, IsAdmin: true);
    private static readonly TransferActor OtherSubDistrictAdmin = new("admin2", 2, null, IsAdmin: true);
    private static readonly TransferActor ZhangqiaoCadre = new("zhangqiao", 1, Zhangqiao, IsAdmin: false);
    private static readonly TransferActor RuixinCadre = new("ruixin", 1, Ruixin, IsAdmin: false);
    private static readonly TransferActor DalianCadre = new("dalian", 1, Dalian, IsAdmin: false);

    private static readonly TransferParticulars Letter = new(null, "2021-0513", "王书记 13800000000", "搬家");

    private static Member File(MemberStatus status = MemberStatus.Normal) => new()
    {
        Id = 5,
        Name = "吴德勤",
        SubDistrictId = 1,
        OrgUnitId = ZhangqiaoBranch.Id,
        BirthDate = new DateOnly(1938, 4, 12),
        IdNumberCipher = "cipher",
        IdNumberHash = "hash",
        IdNumberTail = "1234",
        Status = status,
    };

    private static Transfer Internal(Member file, OrgUnit? to = null) =>
        Numbered(Transfer.Outward(file, ZhangqiaoBranch, to ?? RuixinBranch, Letter, ZhangqiaoCadre, Now));

    private static Transfer Outbound(Member file) =>
        Numbered(Transfer.Outward(file, ZhangqiaoBranch, null, Letter with { OtherParty = "中共杭州市上城区某街道工作委员会" }, ZhangqiaoCadre, Now));

    private static Transfer Inbound(int? closedFileId = null) =>
        Numbered(Transfer.Inward(
            new InboundPerson("外来甲", Gender.Female, "汉族", new DateOnly(1950, 1, 1), MemberCategory.Full, new DateOnly(1975, 7, 1), new DateOnly(1976, 7, 1), "cipher2", "hash2", "5678"),
            closedFileId, RuixinBranch, Letter with { OtherParty = "中共苏州市某社区委员会" }, RuixinCadre, Now));

    private static Transfer Numbered(Transfer t)
    {
        t.Id = 7;
        return t;
    }

    [Fact]
    public void An_internal_transfer_takes_four_steps_each_by_its_owner_and_then_the_file_moves()
    {
        var file = File();
        var transfer = Internal(file);

        Assert.Null(transfer.RefusalToOpen(file.Status, anotherPending: false, ZhangqiaoCadre));
        Assert.Null(transfer.Approve(ZhangqiaoCadre, Now));
        Assert.Null(transfer.Accept(RuixinCadre, Now.AddHours(1)));
        Assert.Null(transfer.Complete(Admin, Now.AddHours(2), file));

        Assert.Equal(TransferStatus.Completed, transfer.Status);
        Assert.Equal(RuixinBranch.Id, file.OrgUnitId);
        Assert.Equal(("zhangqiao", "ruixin", "admin"), (transfer.ApprovedBy, transfer.AcceptedBy, transfer.CompletedBy));
        Assert.Equal(Now.AddHours(2), transfer.CompletedAt);
    }

    [Fact]
    public void The_receiving_area_may_complete_an_internal_transfer_itself()
    {
        var file = File();
        var transfer = Internal(file);
        transfer.Approve(ZhangqiaoCadre, Now);
        transfer.Accept(RuixinCadre, Now);

        Assert.Null(transfer.Complete(RuixinCadre, Now, file));
        Assert.Equal(RuixinBranch.Id, file.OrgUnitId);
    }

    [Fact]
    public void Each_step_refuses_whoever_does_not_own_it()
    {
        var file = File();
        var transfer = Internal(file);

        Assert.IsType<NotYourStep>(transfer.Approve(RuixinCadre, Now));
        Assert.IsType<NotYourStep>(transfer.Approve(DalianCadre, Now));
        Assert.IsType<NotYourStep>(transfer.Approve(OtherSubDistrictAdmin, Now));
        Assert.Null(transfer.Approve(ZhangqiaoCadre, Now));

        Assert.IsType<NotYourStep>(transfer.Accept(ZhangqiaoCadre, Now));
        Assert.Null(transfer.Accept(RuixinCadre, Now));

        Assert.IsType<NotYourStep>(transfer.Complete(ZhangqiaoCadre, Now, file));
        Assert.IsType<NotYourStep>(transfer.Complete(DalianCadre, Now, file));
        Assert.Equal(ZhangqiaoBranch.Id, file.OrgUnitId);
        Assert.Equal(TransferStatus.AcceptedByDestination, transfer.Status);
    }

    [Fact]
    public void A_step_taken_out_of_order_is_refused()
    {
        var file = File();
        var transfer = Internal(file);

        Assert.IsType<StepNotOpen>(transfer.Accept(RuixinCadre, Now));
        Assert.IsType<StepNotOpen>(transfer.Complete(Admin, Now, file));
        Assert.Null(transfer.Approve(Admin, Now));
        Assert.IsType<StepNotOpen>(transfer.Approve(Admin, Now));
    }

    [Fact]
    public void Returning_needs_a_reason_and_the_owner_of_the_step_under_way_and_ends_the_transfer()
    {
        var file = File();
        var transfer = Internal(file);
        transfer.Approve(ZhangqiaoCadre, Now);

        Assert.IsType<NotYourStep>(transfer.Return(ZhangqiaoCadre, Now, "发错了"));
        Assert.IsType<ReturnReasonRequired>(transfer.Return(RuixinCadre, Now, "  "));
        Assert.Null(transfer.Return(RuixinCadre, Now, " 住址有误，请核对 "));

        Assert.Equal(TransferStatus.Returned, transfer.Status);
        Assert.Equal(TransferStatus.ApprovedByOrigin, transfer.ReturnedAtStep);
        Assert.Equal("住址有误，请核对", transfer.ReturnReason);
        Assert.IsType<StepNotOpen>(transfer.Accept(RuixinCadre, Now));
        Assert.IsType<StepNotOpen>(transfer.Return(Admin, Now, "再退一次"));
        Assert.False(transfer.IsPending);
    }

    [Fact]
    public void A_transfer_is_not_opened_while_another_is_under_way_or_for_a_lost_contact_member()
    {
        Assert.IsType<AnotherTransferPending>(Internal(File()).RefusalToOpen(MemberStatus.Normal, anotherPending: true, ZhangqiaoCadre));
        Assert.IsType<MemberLostContact>(Internal(File()).RefusalToOpen(MemberStatus.LostContact, anotherPending: false, ZhangqiaoCadre));
        Assert.IsType<MemberNotActive>(Internal(File()).RefusalToOpen(MemberStatus.TransferredOut, anotherPending: false, ZhangqiaoCadre));
        Assert.IsType<MemberNotActive>(Outbound(File()).RefusalToOpen(MemberStatus.Deceased, anotherPending: false, ZhangqiaoCadre));
        Assert.Null(Outbound(File()).RefusalToOpen(MemberStatus.Mobile, anotherPending: false, ZhangqiaoCadre));
    }

    [Fact]
    public void An_internal_transfer_to_the_unit_that_holds_the_file_is_refused_but_one_to_another_branch_of_the_area_is_not()
    {
        Assert.IsType<SameUnit>(Internal(File(), to: ZhangqiaoBranch).RefusalToOpen(MemberStatus.Normal, false, ZhangqiaoCadre));
        Assert.Null(Internal(File(), to: ZhangqiaoBranch2).RefusalToOpen(MemberStatus.Normal, false, ZhangqiaoCadre));
    }

    [Fact]
    public void Only_the_sending_side_opens_a_transfer_out()
    {
        Assert.IsType<NotYourStep>(Internal(File()).RefusalToOpen(MemberStatus.Normal, false, RuixinCadre));
        Assert.Null(Internal(File()).RefusalToOpen(MemberStatus.Normal, false, Admin));
    }

    [Fact]
    public void Completing_is_refused_when_the_file_moved_or_lost_contact_since_the_transfer_opened()
    {
        var file = File();
        var transfer = Internal(file);
        transfer.Approve(Admin, Now);
        transfer.Accept(Admin, Now);

        file.Status = MemberStatus.LostContact;
        Assert.IsType<MemberLostContact>(transfer.Complete(Admin, Now, file));
        file.Status = MemberStatus.Normal;
        file.OrgUnitId = ZhangqiaoBranch2.Id;
        Assert.IsType<FileMoved>(transfer.Complete(Admin, Now, file));
        Assert.IsType<FileMoved>(transfer.Complete(Admin, Now, null));
        Assert.Equal(TransferStatus.AcceptedByDestination, transfer.Status);
    }

    [Fact]
    public void An_outbound_transfer_has_the_sender_record_the_receipt_and_only_the_sub_district_close_the_file()
    {
        var file = File();
        var transfer = Outbound(file);

        Assert.Null(transfer.Approve(ZhangqiaoCadre, Now));
        Assert.IsType<NotYourStep>(transfer.Accept(RuixinCadre, Now));
        Assert.Null(transfer.Accept(ZhangqiaoCadre, Now));
        Assert.IsType<NotYourStep>(transfer.Complete(ZhangqiaoCadre, Now, file));
        Assert.Null(transfer.Complete(Admin, Now, file));

        Assert.Equal(MemberStatus.TransferredOut, file.Status);
        Assert.Equal(ZhangqiaoBranch.Id, file.OrgUnitId);
    }

    [Fact]
    public void An_inbound_transfer_is_handled_by_the_receiving_area_and_creates_the_file_on_completion()
    {
        var transfer = Inbound();

        Assert.Null(transfer.RefusalToOpen(fileStatus: null, anotherPending: false, RuixinCadre));
        Assert.IsType<NotYourStep>(transfer.RefusalToOpen(fileStatus: null, anotherPending: false, ZhangqiaoCadre));
        Assert.Null(transfer.Approve(RuixinCadre, Now));
        Assert.Null(transfer.Accept(RuixinCadre, Now));
        Assert.Null(transfer.Complete(RuixinCadre, Now, null));

        var created = Assert.IsType<Member>(transfer.Member);
        Assert.Equal(("外来甲", RuixinBranch.Id, "hash2", "5678", MemberStatus.Normal), (created.Name, created.OrgUnitId, created.IdNumberHash, created.IdNumberTail, created.Status));
    }

    [Fact]
    public void An_inbound_transfer_reopens_a_file_that_once_transferred_out_and_is_refused_for_a_file_on_record()
    {
        Assert.IsType<FileAlreadyActive>(Inbound().RefusalToOpen(MemberStatus.Normal, false, RuixinCadre));
        Assert.IsType<FileAlreadyActive>(Inbound().RefusalToOpen(MemberStatus.LostContact, false, RuixinCadre));

        var closed = File(MemberStatus.TransferredOut);
        closed.IdNumberHash = "hash2";
        var transfer = Inbound(closedFileId: closed.Id);
        Assert.Null(transfer.RefusalToOpen(MemberStatus.TransferredOut, false, RuixinCadre));
        transfer.Approve(RuixinCadre, Now);
        transfer.Accept(RuixinCadre, Now);

        Assert.Null(transfer.Complete(RuixinCadre, Now, closed));
        Assert.Equal((RuixinBranch.Id, MemberStatus.Normal), (closed.OrgUnitId, closed.Status));
        Assert.Null(transfer.Member);
    }

    [Fact]
    public void Approving_numbers_a_letter_that_has_none()
    {
        var transfer = Numbered(Transfer.Outward(File(), ZhangqiaoBranch, RuixinBranch, Letter with { LetterNumber = null }, Admin, Now));

        transfer.Approve(Admin, Now);

        Assert.Equal("2021-0007", transfer.LetterNumber);
        Assert.Equal(new DateOnly(2021, 5, 13), transfer.LetterDate);
    }

    [Fact]
    public void The_list_of_my_steps_agrees_with_the_entity_on_whose_step_it_is()
    {
        var transfers = new List<Transfer>();
        foreach (var make in new Func<Transfer>[] { () => Internal(File()), () => Outbound(File()), () => Inbound(), () => Internal(File(), ZhangqiaoBranch2) })
        {
            for (var steps = 0; steps <= 4; steps++)
            {
                var t = make();
                if (steps > 0) t.Approve(Admin, Now);
                if (steps > 1) t.Accept(Admin, Now);
                if (steps > 2) t.Complete(Admin, Now, t.Kind == TransferKind.Inbound ? null : File());
                if (steps == 4) { t = make(); t.Return(Admin, Now, "退回"); }
                transfers.Add(t);
            }
        }

        foreach (var actor in new[] { ZhangqiaoCadre, RuixinCadre, DalianCadre })
        {
            var listed = TransferQueries.AwaitingStepOf(actor).Compile();
            Assert.All(transfers, t => Assert.Equal(t.OwnsNextStep(actor), listed(t)));
        }

        var adminListed = TransferQueries.AwaitingStepOf(Admin).Compile();
        Assert.All(transfers, t => Assert.True(!adminListed(t) || t.OwnsNextStep(Admin)));
        Assert.Contains(transfers, t => adminListed(t) && t.Kind == TransferKind.Outbound);
    }

    [Fact]
    public void The_statuses_under_way_are_0_1_2_as_the_pending_index_filter_says()
    {
        Assert.Equal([0, 1, 2], Transfer.Pending.Select(s => (int)s));
    }
}
