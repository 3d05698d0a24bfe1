using QRCoder;

namespace Doorstep.Features.Listening;

/// <summary>A card's QR code as inline SVG: no image request, and the page's policy allows no data: images.</summary>
public static class CardQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
