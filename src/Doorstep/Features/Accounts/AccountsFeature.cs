using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Doorstep.Features.Accounts;

public static class AccountsFeature
{
    public const string ManageUsers = "Accounts.ManageUsers";
    public const string DemoPassword = "Doorstep-demo-2026";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<UserAccount, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // User names are typed on phones at the sign-in page: plain letters, digits and . _ - only.
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddEntityFrameworkStores<DoorstepDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();

        // OWASP ASVS asks for at least 210,000 PBKDF2 iterations; Identity's default is 100,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // A disabled or re-scoped account must stop working within a minute, not the default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "doorstep";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Accounts/SignIn";
            o.LogoutPath = "/Accounts/SignOut";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // An API caller wants a status code, not the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ctx => StampDue(ctx) ? SecurityStampValidator.ValidatePrincipalAsync(ctx) : Task.CompletedTask;
        });

        // Keys live in the database so that several app nodes read each other's cookies, encrypted
        // with the personal-data key, which stays out of the database.
        services.AddDataProtection().SetApplicationName("Doorstep").PersistKeysToDbContext<DoorstepDb>();
        services.EncryptKeyRingWithPersonalDataKey();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ManageUsers, p => p.RequireRole(Roles.SubDistrictAdmin));

        services.AddScoped<AccountSetup>();
        services.AddAccountAuditLabels();
        services.AddScoped<DecoyPassword>();
        services.AddNavItem(new NavItem("账户管理", "/Accounts/Users/Index", ManageUsers, 90));
        return services;
    }

    /// <summary>
    /// Whether the cookie is older than the security stamp's interval, as Identity's validator would
    /// decide itself. Asking the validator resolves it with Identity's user and sign-in managers behind
    /// it, 3 % of a recorded visit's work, on every request; only one a minute per user needs them.
    /// </summary>
    private static bool StampDue(CookieValidatePrincipalContext ctx)
    {
        var options = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        return ctx.Properties.IssuedUtc is not { } issued || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        // A page's own script (the visit form's send and outbox) must learn that the sign-in ran out,
        // not follow a redirect to the sign-in page and take it for a stored visit.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers.XRequestedWith == "XMLHttpRequest")
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
