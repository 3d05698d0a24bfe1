using Doorstep.Features.Members;

namespace Doorstep.Features.Transfers;

/// <summary>An expected refusal of a transfer step, with what to tell the person who tried it.</summary>
public abstract record TransferError(string Message);

public sealed record NotYourStep(string Step)
    : TransferError($"“{Step}”这一步不由您办理：转出方的步骤由转出居民区或街道办理，转入方的步骤由转入居民区或街道办理。");

public sealed record StepNotOpen(TransferStatus Status)
    : TransferError($"该转接现在的状态是“{Transfer.Label(Status)}”，这一步已不能办理。请看下方的最新进度。");

public sealed record AnotherTransferPending()
    : TransferError("该党员已有一项正在办理的组织关系接转。请先办结或退回那一项，再重新申请。");

public sealed record MemberLostContact()
    : TransferError("该党员处于失联状态，不能办理组织关系接转。请先与党员恢复联系，并在档案中把状态改为“正常”后再申请。");

public sealed record MemberNotActive(MemberStatus Status)
    : TransferError($"该党员的档案状态是“{Member.Label(Status)}”，不能办理组织关系转出。");

public sealed record SameUnit()
    : TransferError("转入的党组织就是该党员现在所在的党组织，请选择另一个党组织。");

public sealed record FileMoved()
    : TransferError("该党员的档案已不在转出的党组织，不能办结。请退回此项转接，按档案现在所在的党组织重新申请。");

public sealed record FileAlreadyActive()
    : TransferError("这个身份证号在本街道已有在册的党员档案，不能登记从街道外转入。如需更换所在党组织，请从该党员的档案办理街道内转接，或联系街道管理员。");

public sealed record ReturnReasonRequired()
    : TransferError("请填写退回原因，让对方知道需要补充或更正什么。");
