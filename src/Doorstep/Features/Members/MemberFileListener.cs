namespace Doorstep.Features.Members;

/// <summary>
/// A feature that keeps something of its own in line with member files (ADR 0015, ADR 0017): told,
/// after the save, that files were created or changed, so it need not wait for its periodic check.
/// It is told that something changed, not what, so that a burst of saves or an import of 100,000 rows
/// can be answered with one piece of work; the listener is expected to coalesce.
/// </summary>
public interface IMemberFileListener
{
    Task MemberFilesSavedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tells every <see cref="IMemberFileListener"/> that files were saved: called by the paths that write
/// member files (the form and API through <see cref="MemberFiles"/>, a transfer's completion, an import's
/// commit) once their save has gone through. The save stands whatever a listener does: a listener that
/// fails is logged, and its feature's periodic check still catches the change.
/// </summary>
public sealed partial class MemberFileListeners(IEnumerable<IMemberFileListener> listeners, ILogger<MemberFileListeners> logger)
{
    public async Task TellAsync(CancellationToken cancellationToken = default)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.MemberFilesSavedAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogListenerFailure(logger, e, listener.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member file listener {Listener} failed; its periodic check will catch up")]
    private static partial void LogListenerFailure(ILogger logger, Exception exception, string listener);
}
