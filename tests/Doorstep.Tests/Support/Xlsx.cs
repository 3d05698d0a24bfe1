using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Doorstep.Tests.Support;

/// <summary>
/// Writes a small .xlsx by hand, so that a test can hold what real rosters hold and a library would
/// tidy away: merged title rows, blank rows, date-formatted cells, numbers where text was meant.
/// A cell is a string (text), a double (number), a DateTime (a date cell) or null (empty).
/// </summary>
public static class Xlsx
{
    public static byte[] Sheet(IEnumerable<IEnumerable<object?>?> rows, string? mergedTitle = null)
    {
        var data = new StringBuilder();
        var number = 0;
        var width = 1;
        foreach (var row in rows)
        {
            number++;
            if (row is null)
            {
                continue;
            }

            data.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
            var column = 0;
            foreach (var cell in row)
            {
                var reference = Column(column++) + number;
                data.Append(cell switch
                {
                    null => "",
                    string s => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></is></c>",
                    DateTime d => $"<c r=\"{reference}\" s=\"1\"><v>{d.ToOADate().ToString(CultureInfo.InvariantCulture)}</v></c>",
                    double n => $"<c r=\"{reference}\"><v>{n.ToString(CultureInfo.InvariantCulture)}</v></c>",
                    _ => throw new ArgumentException($"Unsupported cell {cell}"),
                });
            }

            width = Math.Max(width, column);
            data.Append("</row>");
        }

        var merge = mergedTitle is null ? "" : $"<mergeCells count=\"1\"><mergeCell ref=\"{mergedTitle}\"/></mergeCells>";
        var sheet = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:{Column(width - 1)}{number}"/><sheetData>{data}</sheetData>{merge}</worksheet>""";
        return Package(sheet);
    }

    private static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static byte[] Package(string sheet)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="党员名册" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            // Style 1 is Excel's built-in short date (numFmtId 14), as a date typed into a cell gets.
            Add("xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""");
            Add("xl/worksheets/sheet1.xml", sheet);
        }

        return stream.ToArray();
    }
}
