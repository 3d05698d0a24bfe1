namespace Doorstep.Features.Inspections;

/// <summary>An expected refusal of a step on a problem spot, with what to tell the person who tried it.</summary>
public abstract record SpotError(string Message);

public sealed record StepNotOpen(SpotStatus Status)
    : SpotError($"该问题现在的状态是“{ProblemSpot.Label(Status)}”，这一步已不能办理。请看下方的最新进度。");

public sealed record NotYourStep(string Step)
    : SpotError($"“{Step}”这一步不由您办理：整改由责任部门办理，验收与退回由所在居民区或街道办理。");

public sealed record NotYourDepartment()
    : SpotError("这个问题没有派给您的部门，不能由您整改或退回。");

public sealed record OnlySubDistrictReroutes()
    : SpotError("改派只能由街道办理。如认为派错了部门，请点“不属于本部门”并写明应由哪个部门负责。");

public sealed record ReasonRequired(string Step)
    : SpotError($"请填写{Step}的原因，让对方知道为什么。");

public sealed record FixNoteRequired()
    : SpotError("请填写整改说明：做了什么、现在是什么样子。");

public sealed record AfterPhotoRequired()
    : SpotError("请上传至少一张整改后的照片，验收时要对照整改前后的照片。");

public sealed record VerifierIsFixer()
    : SpotError("整改和验收不能是同一个人：请由居民区或街道的其他人员到现场验收。");

public sealed record DeadlineOutOfRange()
    : SpotError("整改时限应在 1 小时到 90 天之间。");
