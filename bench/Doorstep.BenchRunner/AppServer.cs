using System.Diagnostics;

namespace Doorstep.BenchRunner;

/// <summary>The app as it runs in production (Release build, Production environment) on a loopback port.</summary>
internal sealed class AppServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private AppServer(Process process, StreamWriter log, Uri address)
    {
        this.process = process;
        this.log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => process.Id;

    /// <summary>
    /// Starts the app from <paramref name="contentRoot"/>, the project folder: a build (unlike a publish)
    /// has no wwwroot of its own, and outside Development the app reads it from its content root.
    /// </summary>
    public static async Task<AppServer> StartAsync(string appDll, string contentRoot, IReadOnlyDictionary<string, string> environment, int port, string logFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        start.ArgumentList.Add(appDll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        var process = Process.Start(start) ?? throw new InvalidOperationException("the app did not start");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new AppServer(process, log, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await probe.GetAsync("/healthz/live")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"the app did not answer on {address} (see {logFile})");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Stops the app the way a service manager does (SIGTERM), and kills it only if it will not stop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
