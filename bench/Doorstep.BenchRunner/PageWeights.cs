using System.IO.Compression;
using System.Net;

namespace Doorstep.BenchRunner;

/// <summary>
/// Bytes over the wire for a first visit to each main staff page (nothing cached) from a browser that
/// accepts gzip: the HTML and the stylesheets and scripts it loads, as the server sends them.
/// </summary>
internal static class PageWeights
{
    /// <summary>The card holder's player (issue 12 holds it to 50 KB before audio: Budget.PlayerWireBytes).</summary>
    public const string ListeningPlayer = "随身听播放页（持卡人，音频之前）";

    public static async Task MeasureAsync(StaffSession admin, StaffSession cadre, Samples samples, DatabaseResult result)
    {
        // Opened from a card the cadre has just printed; its cookie plays no part on the card's pages.
        var card = await ListeningCards.IssueAsync(cadre, 1);
        var pages = new (string Title, string Path, StaffSession As)[]
        {
            ("首页", "/", admin),
            ("党员档案列表（街道管理员）", "/Members", admin),
            ("党员档案列表（居民区干部）", "/Members", cadre),
            ("查找", "/Members?q=" + Uri.EscapeDataString(samples.Names[0]), admin),
            ("档案页", $"/Members/Details/{samples.MemberIds[0]}", admin),
            ("新建档案", "/Members/Create", admin),
            ("人户分离", "/Members/LivesElsewhere", admin),
            ("批量导入", "/Members/Import", admin),
            ("组织关系接转", "/Transfers", admin),
            ("临时党支部", "/TemporaryBranches", admin),
            ("组织架构", "/Organizations", admin),
            ("操作日志", "/Audit", admin),
            ("账户管理", "/Accounts/Users", admin),
            ("随身听收听情况", "/Listening/Report", cadre),
            (ListeningPlayer, card.PlayerPath(0), cadre),
        };

        foreach (var (title, path, session) in pages)
        {
            var (html, htmlWire, encoding) = await FetchAsync(session, path);
            var assets = new List<AssetWeight>();
            foreach (var asset in HtmlPage.Assets(System.Text.Encoding.UTF8.GetString(html)))
            {
                var (body, wire, assetEncoding) = await FetchAsync(session, asset);
                assets.Add(new AssetWeight(asset, body.Length, wire, assetEncoding));
            }

            var weight = new PageWeight(title, path, html.Length, htmlWire, encoding is not null, assets);
            result.Pages.Add(weight);
            Console.WriteLine($"  {title,-16} {weight.TotalWireBytes / 1024.0,6:F1} KB over the wire ({weight.TotalRawBytes / 1024.0:F1} KB uncompressed)");
        }
    }

    /// <summary>The body as the page uses it, the bytes that crossed the wire, and how they were compressed.</summary>
    private static async Task<(byte[] Body, long WireBytes, string? Encoding)> FetchAsync(StaffSession session, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await session.Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }

        var wire = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        return (Decode(wire, encoding), wire.Length, encoding);
    }

    internal static byte[] Decode(byte[] wire, string? encoding)
    {
        if (encoding is null)
        {
            return wire;
        }

        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(new MemoryStream(wire), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(wire), CompressionMode.Decompress),
            _ => throw new NotSupportedException($"Content-Encoding {encoding}"),
        };
        using var plain = new MemoryStream();
        decoder.CopyTo(plain);
        return plain.ToArray();
    }
}
