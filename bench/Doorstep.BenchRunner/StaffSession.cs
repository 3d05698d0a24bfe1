using System.Net;
using System.Net.Http.Headers;

namespace Doorstep.BenchRunner;

/// <summary>A member of staff signed in over HTTP the way a person is: GET the form, read its token, POST it.</summary>
internal sealed class StaffSession : IDisposable
{
    private readonly BehindTheProxy proxy;

    private StaffSession(Uri address)
    {
        proxy = new BehindTheProxy(new UriBuilder(address) { Scheme = Uri.UriSchemeHttps }.Uri);
        Client = new HttpClient(proxy)
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(10),
        };
    }

    public HttpClient Client { get; }

    /// <summary>The Cookie header of this session, for a load tool to send.</summary>
    public string CookieHeader => proxy.Cookies.GetCookieHeader(proxy.Site);

    public static async Task<StaffSession> SignInAsync(Uri address, string userName, string password)
    {
        var session = new StaffSession(address);
        var response = await session.PostFormAsync("/Accounts/SignIn", [new("Input.UserName", userName), new("Input.Password", password)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            session.Dispose();
            throw new InvalidOperationException($"{userName} could not sign in ({(int)response.StatusCode})");
        }

        return session;
    }

    public async Task<string> GetHtmlAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The antiforgery token of the form at <paramref name="path"/>: good for every post of this session, as a load sends them.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path) => HtmlPage.AntiforgeryToken(await GetHtmlAsync(path));

    /// <summary>Fills in the form at <paramref name="path"/> (its antiforgery token included) and posts it there.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(path);
        return await Client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Uploads a file through the form at <paramref name="path"/>, as a browser's file input does.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string field, string file)
    {
        var token = HtmlPage.AntiforgeryToken(await GetHtmlAsync(path));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? "text/csv"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, field, Path.GetFileName(file));
        return await Client.PostAsync(path, form);
    }

    public void Dispose() => Client.Dispose();

    /// <summary>
    /// The app runs in Production as it does behind its TLS-terminating proxy (docs/deployment.md):
    /// each request says X-Forwarded-Proto: https, and the cookies, all Secure there, are kept as a
    /// browser on the https site keeps them. Over plain http a client would drop them, and every
    /// form would fail its antiforgery check.
    /// </summary>
    private sealed class BehindTheProxy(Uri site)
        : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        public Uri Site { get; } = site;

        public CookieContainer Cookies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (Cookies.GetCookieHeader(Site) is { Length: > 0 } cookie)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                Cookies.SetCookies(Site, set);
            }

            return response;
        }
    }
}
