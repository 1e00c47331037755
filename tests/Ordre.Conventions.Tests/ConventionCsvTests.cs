using System.Text;
using Ordre.Conventions.Dossiers;
using Ordre.Conventions.Dossiers.Uploading;

namespace Ordre.Conventions.Tests;

/// <summary>The bulk template's rows, read with Sep from a stream and checked by the single submission's rules. Pure.</summary>
public class ConventionCsvTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private const string Header = "reference;categorie;beneficiaire;rpps;ine;nom;objet;nature;description;montant;date_avantage;debut_periode;fin_periode;urgent";
    private const string Good = "R-1;honoraires;medecin;10005173140;;;Congrès;remuneration;Orateur;1500,00;2027-02-15;2027-01-04;2027-03-31;non";

    private static async Task<List<ConventionInput>> Rows(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await using var stream = new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        var (reader, columns) = await ConventionCsv.OpenAsync(stream, CancellationToken.None);
        using (reader)
        {
            var rows = new List<ConventionInput>();
            await foreach (var row in reader)
                rows.Add(ConventionCsv.Input(row, columns, reader.Header.ColNames.Count, Today));
            return rows;
        }
    }

    private static async Task<IReadOnlyList<RowError>> ErrorsOf(string row) => Assert.Single(await Rows(Header + "\n" + row)).Errors;

    [Theory]
    [InlineData(false, ';')]
    [InlineData(true, ';')]
    [InlineData(false, ',')]
    [InlineData(true, ',')]
    public async Task A_row_reads_as_the_single_submission_with_or_without_BOM_and_with_either_separator(bool bom, char separator)
    {
        var text = (Header + "\r\n" + Good.Replace("1500,00", "1500.00") + "\r\n").Replace(';', separator);
        var row = Assert.Single(await Rows(text, bom));
        Assert.Empty(row.Errors);
        Assert.Equal(2, row.Row);
        var request = row.Request;
        Assert.Equal(("R-1", ConventionCategory.Fees, BeneficiaryKind.Doctor, "10005173140"), (request.Reference, request.Category, request.Beneficiary!.Kind, request.Beneficiary.Rpps));
        Assert.Equal((BenefitNature.Remuneration, 1500.00m), (request.Benefits![0].Nature, request.Benefits[0].Amount));
        Assert.Equal((new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 31), new DateOnly(2027, 2, 15)), (request.PeriodFrom, request.PeriodTo, request.BenefitOn));
    }

    [Fact]
    public void A_report_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\"", ReadUploadEndpoint.Quote("=HYPERLINK(\"http://x\")"));
        foreach (var formula in new[] { "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1" })
            Assert.StartsWith("\"'", ReadUploadEndpoint.Quote(formula));
        Assert.Equal("\"REF-2026-001\"", ReadUploadEndpoint.Quote("REF-2026-001"));
    }

    [Fact]
    public async Task The_example_file_of_the_documentation_is_valid()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "conventions-exemple.csv"));
        var rows = await Rows(text);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Errors));
        Assert.Equal("Location de salle; pauses", rows[3].Request.Benefits![0].Description);
        Assert.True(rows[2].Request.Urgent);
    }

    [Theory]
    [InlineData("2027-02-30", "date_avantage", "n'est pas une date")]
    [InlineData("15.02.2027", "date_avantage", "n'est pas une date")]
    [InlineData("2027-13-15", "date_avantage", "n'est pas une date")]
    [InlineData("2027-00-15", "date_avantage", "n'est pas une date")]
    [InlineData("2O27-02-15", "date_avantage", "n'est pas une date")]
    [InlineData("0000-02-15", "date_avantage", "n'est pas une date")]
    [InlineData("2027-02-1x", "date_avantage", "n'est pas une date")]
    public async Task A_bad_date_is_named_by_its_column(string day, string column, string message)
    {
        var error = Assert.Single(await ErrorsOf(Good.Replace("2027-02-15", day)));
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("2027-02-15")]
    [InlineData("15/02/2027")]
    [InlineData(" 2027-02-15 ")]
    public async Task A_day_reads_the_same_written_AAAA_MM_JJ_or_JJ_MM_AAAA(string day)
    {
        var row = Assert.Single(await Rows(Header + "\r\n" + Good.Replace("2027-02-15", day) + "\r\n", bom: false));
        Assert.Empty(row.Errors);
        Assert.Equal(new DateOnly(2027, 2, 15), row.Request.BenefitOn);
    }

    [Theory]
    [InlineData("-10,00")]
    [InlineData("10,005")]
    [InlineData("20000000")]
    public async Task A_negative_an_overlarge_or_a_three_decimal_amount_is_refused(string amount)
    {
        var error = Assert.Single(await ErrorsOf(Good.Replace("1500,00", amount)));
        Assert.Equal(("montant", true), (error.Column, error.Message.Contains("au centime près")));
        // Written for a French reader: thousands apart by a (narrow no-break) space, not an English comma.
        Assert.Contains("10\u202F000\u202F000 € au plus", error.Message);
    }

    [Fact]
    public async Task Unknown_words_and_every_other_fault_are_listed_each_under_its_column()
    {
        var errors = await ErrorsOf("R 1;cadeaux;medecin;12345678901;;;;bonbons;;abc;2027-02-15;2027-03-31;2027-01-04;peut-être");
        Assert.Equal(new[] { "categorie", "nature", "montant", "urgent", "reference", "rpps", "objet", "fin_periode" }.Order(),
            errors.Select(e => e.Column).Order());
        Assert.Contains("« cadeaux » n'est pas reconnu", errors.Single(e => e.Column == "categorie").Message);
        Assert.All(errors, e => Assert.DoesNotContain("periodTo", e.Message));
    }

    [Fact]
    public async Task A_row_with_another_column_count_is_a_row_error_and_the_next_row_is_read()
    {
        var rows = await Rows(Header + "\nR-2;honoraires;medecin\n" + Good + "\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("ligne", 2), (Assert.Single(rows[0].Errors).Column, rows[0].Row));
        Assert.Empty(rows[1].Errors);
    }

    [Theory]
    [InlineData("reference;categorie;beneficiaire;objet;nature;date_avantage;debut_periode;fin_periode", "« montant » absente")]
    [InlineData("reference;categorie;beneficiaire;objet;nature;montant;date_avantage;debut_periode;fin_periode;prix", "« prix » inconnue")]
    [InlineData("reference;reference;categorie;beneficiaire;objet;nature;montant;date_avantage;debut_periode;fin_periode", "« reference » figure deux fois")]
    [InlineData("", "« reference » absente")]
    public async Task A_header_off_the_template_is_a_problem_naming_the_first_fault(string header, string fault)
    {
        var exception = await Assert.ThrowsAsync<CsvTemplateException>(() => Rows(header + "\n" + Good));
        Assert.Contains(fault, exception.Message);
    }

    [Fact]
    public async Task Headers_are_read_whatever_their_case_and_accents()
    {
        var row = Assert.Single(await Rows(Header.Replace("categorie", "Catégorie").Replace("objet", " OBJET ") + "\n" + Good.Replace("honoraires", "Honoraires")));
        Assert.Empty(row.Errors);
    }

    [Fact]
    public async Task A_control_character_in_a_cell_is_a_row_error_naming_its_column()
    {
        var error = Assert.Single(await ErrorsOf(Good.Replace("Congrès", "Con\u0000grès")));
        Assert.Equal("objet", error.Column);
    }
}
