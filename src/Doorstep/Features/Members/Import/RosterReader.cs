using System.Globalization;
using System.Text;
using Doorstep.Infrastructure;
using MiniExcelLibs;

namespace Doorstep.Features.Members.Import;

public enum RosterFormat { Xlsx, Csv }

/// <summary>One row of a roster as the user sees it: its row number in Excel and its cells from column A on.</summary>
public sealed record RosterRow(int Number, IReadOnlyList<object?> Cells)
{
    public object? this[int column] => column < Cells.Count ? Cells[column] : null;

    public bool IsBlank => Cells.All(c => RosterCell.Text(c).Length == 0);
}

/// <summary>Turns what a cell holds into text the way a person reads it.</summary>
public static class RosterCell
{
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => TextNormalizer.Normalize(s),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => TextNormalizer.Normalize(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => TextNormalizer.Normalize(cell.ToString()),
    };
}

/// <summary>
/// Streams the rows of the first sheet of an .xlsx (MiniExcel) or of a .csv, numbered as Excel
/// numbers them. Reports how far it has read, for the progress bar.
/// </summary>
public sealed class RosterReader(byte[] content, RosterFormat format, Encoding? csvEncoding)
{
    /// <summary>Rosters have a few dozen columns; a far-away cell would make every row this wide.</summary>
    public const int MaxColumns = 256;

    /// <summary>How far through the file the reader is, from 0 to 1.</summary>
    public double Fraction { get; private set; }

    /// <summary>Why the reader stopped early, for the user; null when it read the whole sheet.</summary>
    public string? Refusal { get; private set; }

    private bool TooWide(int columns)
    {
        if (columns <= MaxColumns)
        {
            return false;
        }

        Refusal = $"表格有{columns}列，超过了{MaxColumns}列，可能在很远的位置有内容或格式";
        return true;
    }

    public IEnumerable<RosterRow> Rows() => format == RosterFormat.Xlsx ? XlsxRows() : CsvRows();

    private IEnumerable<RosterRow> XlsxRows()
    {
        using var stream = new MemoryStream(content, writable: false);
        var number = 0;
        // MiniExcel yields every row from row 1, blank ones included, so the count is Excel's row number.
        using var rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        while (Next(rows))
        {
            var row = (IDictionary<string, object?>)rows.Current;
            // The sheet is most of the file and is unpacked front to back, so the read position in the
            // packed file tracks progress without a second pass to count the rows. (Over the first
            // rows it still points at parts stored after the sheet; progress is read per 1000 rows.)
            Fraction = (double)stream.Position / stream.Length;
            if (TooWide(row.Count))
            {
                yield break;
            }

            yield return new RosterRow(++number, [.. row.Values]);
        }

        Fraction = 1;
    }

    /// <summary>A sheet that breaks while it is read stays broken: said at once, not retried.</summary>
    private static bool Next(IEnumerator<dynamic> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UnreadableRosterException(e);
        }
    }

    /// <summary>
    /// RFC 4180 with quoted fields across lines. Written here rather than read through MiniExcel,
    /// which drops blank lines and so would number the rows differently from Excel.
    /// </summary>
    private IEnumerable<RosterRow> CsvRows()
    {
        using var stream = new MemoryStream(content, writable: false);
        using var reader = new StreamReader(stream, csvEncoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var cells = new List<object?>();
        var cell = new StringBuilder();
        var number = 0;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    if (TooWide(cells.Count))
                    {
                        yield break;
                    }

                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    cells.Add(cell.ToString());
                    cell.Clear();
                    Fraction = (double)stream.Position / Math.Max(1, stream.Length);
                    yield return new RosterRow(++number, [.. cells]);
                    cells.Clear();
                    any = false;
                    break;
                default:
                    cell.Append((char)c);
                    break;
            }
        }

        if (any)
        {
            cells.Add(cell.ToString());
            yield return new RosterRow(++number, [.. cells]);
        }

        Fraction = 1;
    }
}

/// <summary>The file passed the upload's checks but its sheet cannot be read.</summary>
public sealed class UnreadableRosterException(Exception inner) : Exception("The roster's sheet cannot be read.", inner);
