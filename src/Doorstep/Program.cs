using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Activities;
using Doorstep.Features.Audit;
using Doorstep.Features.HomeVisits;
using Doorstep.Features.Inspections;
using Doorstep.Features.Listening;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Features.TemporaryBranches;
using Doorstep.Features.Transfers;
using Doorstep.Hosting;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Doorstep.Infrastructure.Jobs;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.AddOperations();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddPersonalDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddFiles(builder.Configuration, builder.Environment);
builder.Services.AddAccounts();
builder.Services.AddOrganizations();
builder.Services.AddMembers();
builder.Services.AddTemporaryBranches();
builder.Services.AddTransfers();
builder.Services.AddHomeVisits();
builder.Services.AddListening();
builder.Services.AddActivities();
builder.Services.AddInspections();
builder.Services.AddAuditLog();
builder.Services.AddDoorstepPages();
builder.Services.AddStaticFileCompression();
builder.Services.AddDoorstepApi();
builder.Services.AddSecurityHeaders(builder.Configuration);

var app = builder.Build();

// migrate, backup, create-admin: run instead of serving.
if (await app.RunCommandAsync(args))
{
    return;
}

// The schema, the personal-data key against the database, the demo: refuses to start if either is wrong.
await app.PrepareDatabaseAsync();

app.UseSecurityHeaders();
app.UseDoorstepErrorPages();
app.UseRequestSizeLimit();
app.UseCompressedStaticFiles();
app.UseRouting();
// Before sign-in, so that a request with a guessed card token spends its address's allowance too.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapMembersApi();
app.MapActivitiesApi();
app.MapOpen311Api();
app.MapOperations();

await app.RunAsync();

/// <summary>The app's entry point, named so that tests can host it.</summary>
public partial class Program;
