using System.IO.Compression;

namespace Doorstep.BenchRunner.Tests;

public class PageWeightsTests
{
    [Fact]
    public void A_gzip_body_is_weighed_as_sent_and_read_as_the_page_it_holds()
    {
        var html = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<tr><td>王建国</td></tr>", 200)));
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(html);
        }

        var wire = packed.ToArray();

        Assert.Equal(html, PageWeights.Decode(wire, "gzip"));
        Assert.True(wire.Length < html.Length / 10);
        Assert.Same(html, PageWeights.Decode(html, null));
    }
}
