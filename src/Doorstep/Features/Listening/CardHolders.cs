using Microsoft.Extensions.Caching.Memory;

namespace Doorstep.Features.Listening;

/// <summary>
/// Cards found in the last 30 seconds, by their token's keyed hash: a listening phone saves its place
/// every few seconds, and each save looked its card up again (ADR 0032). Any revocation or replacement
/// forgets every card at once, after its commit, so on this node a revoked card stops at once; a look-up
/// that was under way when a revocation committed is not kept. Another node of a PostgreSQL deployment
/// may still honour a revoked card for the rest of its 30 seconds.
/// </summary>
public sealed class CardHolders : IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _found = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private int _revocations;

    private sealed record Found(CardAuthentication.Holder Holder, int Revocations);

    public async Task<CardAuthentication.Holder?> FindAsync(string hash, Func<Task<CardAuthentication.Holder?>> lookUp)
    {
        var revocations = Volatile.Read(ref _revocations);
        if (_found.TryGetValue(hash, out Found? found) && found!.Revocations == revocations)
        {
            return found.Holder;
        }

        // Counted before the look-up: if a revocation commits while it runs, the entry is stale at birth.
        var holder = await lookUp();
        if (holder is not null)
        {
            _found.Set(hash, new Found(holder, revocations), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        }

        return holder;
    }

    /// <summary>After a revocation or replacement has been saved.</summary>
    public void Forget() => Interlocked.Increment(ref _revocations);

    public void Dispose() => _found.Dispose();
}
