using Doorstep.Hosting;
using Doorstep.Infrastructure.Jobs;

namespace Doorstep.Features.Members.Import;

public static class MemberImportFeature
{
    /// <summary>批量导入: upload, preview and import of member rosters, each pass a background job.</summary>
    public static IServiceCollection AddMemberImport(this IServiceCollection services)
    {
        services.AddScoped<MemberImporter>();
        services.AddSingleton(new UploadPage("/Members/Import"));
        services.AddJob<MemberImportJob>(MemberImportJob.Kind, maxAttempts: 3);
        services.AddJob<RosterRetentionJob>(RosterRetentionJob.Kind, maxAttempts: 1, every: TimeSpan.FromHours(1));
        return services;
    }
}
