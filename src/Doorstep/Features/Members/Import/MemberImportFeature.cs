using Doorstep.Hosting;

namespace Doorstep.Features.Members.Import;

public static class MemberImportFeature
{
    /// <summary>批量导入: upload, preview and import of member rosters, run by one background worker.</summary>
    public static IServiceCollection AddMemberImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<MemberImporter>();
        services.AddSingleton(new UploadPage("/Members/Import"));
        return services;
    }
}
