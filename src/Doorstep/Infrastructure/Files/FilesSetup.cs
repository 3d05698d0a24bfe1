using Doorstep.Data;
using Doorstep.Infrastructure.Jobs;

namespace Doorstep.Infrastructure.Files;

public enum FileStoreKind { Database, Folder }

public static class FilesSetup
{
    /// <summary>
    /// Stored files: `Files:Store` = Database (default) or Folder, with `Files:Folder` (default: the
    /// data folder's "files"), which every node must mount when there are several (ADR 0012).
    /// </summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var kind = config.GetValue("Files:Store", FileStoreKind.Database);
        services.AddSingleton<IFileStore>(sp => kind switch
        {
            FileStoreKind.Folder => new FolderFileStore(
                config["Files:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(DataDirectory.Resolve(config, env), "files"),
                sp.GetRequiredService<TimeProvider>()),
            _ => new DatabaseFileStore(),
        });
        services.AddScoped<FileIntake>();
        services.AddAuditSubject<StoredFileAuditLabels>();
        services.AddJob<FileSweepJob>(FileSweepJob.Kind, maxAttempts: 1, every: TimeSpan.FromHours(6));
        return services;
    }
}

/// <summary>Removes bytes a crash left without their record, as the system, a few times a day.</summary>
internal sealed class FileSweepJob(IFileStore store, DoorstepDb db) : IJobHandler
{
    public const string Kind = "file-sweep";

    public string FailureMessage => "清理文件没有完成，将在下一次自动重试。";

    public Task RunAsync(JobRun run, CancellationToken cancellationToken) => store.SweepAsync(db, cancellationToken);
}
