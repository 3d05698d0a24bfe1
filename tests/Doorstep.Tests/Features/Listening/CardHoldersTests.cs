using Doorstep.Features.Listening;

namespace Doorstep.Tests.Features.Listening;

/// <summary>The remembered cards (ADR 0032): a saving phone is not looked up again, a revoked card is.</summary>
public sealed class CardHoldersTests
{
    private static readonly CardAuthentication.Holder Holder = new(1, 7, 1, "建国");

    [Fact]
    public async Task A_card_found_once_is_not_looked_up_again_until_a_revocation_is_saved()
    {
        using var holders = new CardHolders();
        var lookUps = 0;
        Task<CardAuthentication.Holder?> LookUp() => Task.FromResult<CardAuthentication.Holder?>(++lookUps == 1 ? Holder : null);

        Assert.Same(Holder, await holders.FindAsync("hash", LookUp));
        Assert.Same(Holder, await holders.FindAsync("hash", LookUp));
        Assert.Equal(1, lookUps);

        holders.Forget();

        Assert.Null(await holders.FindAsync("hash", LookUp));
        Assert.Equal(2, lookUps);
    }

    [Fact]
    public async Task A_look_up_under_way_when_a_revocation_commits_is_not_remembered()
    {
        using var holders = new CardHolders();

        var found = await holders.FindAsync("hash", () =>
        {
            holders.Forget();
            return Task.FromResult<CardAuthentication.Holder?>(Holder);
        });
        var again = await holders.FindAsync("hash", () => Task.FromResult<CardAuthentication.Holder?>(null));

        Assert.Same(Holder, found);
        Assert.Null(again);
    }
}
