using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;
using Ordre.ServiceDefaults.Queries;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.CaseLaw;

/// <summary>Body of POST /cases/{id}/case-law-sheets, written by the national chamber's case-law service.</summary>
public sealed record WriteCaseLawSheet([property: MaxText(TextLimits.Line)] string? Title, [property: MaxText(TextLimits.Text)] string? Summary, [property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Themes);

public sealed record CaseLawSheetCreated(string Reference, int Number, string Title, string Summary);

public static class CaseLawEndpoints
{
    public const int MaxPageSize = 50;

    /// <summary>
    /// Publishes a sheet of a national chamber decision, pseudonymised before it is stored. The leak check then reads
    /// the pseudonymised text: while it finds a name, initials, a number, an address or an internal identifier, the
    /// sheet is refused (409, naming each) and nothing is published.
    /// </summary>
    public static async Task<Results<Created<CaseLawSheetCreated>, ValidationProblem, ProblemHttpResult>> Publish(
        Guid id, WriteCaseLawSheet request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (!user.IsInRole(OrdreClaims.Roles.NationalChamber))
            return Problems.Forbidden("La base de jurisprudence est tenue par la chambre disciplinaire nationale.");
        if (Validate(request) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors, title: "Fiche de jurisprudence invalide");
        if (await session.LoadAsync<ChamberCase>(id, ct) is not { } chamberCase)
            return Problems.NotFound($"Aucune affaire {id}.");
        if (chamberCase is not { NationalDecisionOn: { } decidedOn, Decision: { } decision })
            return Problems.Conflict("La base de jurisprudence publie les décisions de la chambre disciplinaire nationale : cette affaire n'en a pas encore.");
        // Without the parties' names the sheet could not be pseudonymised: refuse rather than risk publishing them.
        if (await session.LoadAsync<Complaint>(chamberCase.ComplaintId, ct) is not { DoctorName: { Length: > 0 } doctorName } complaint)
            return Problems.Conflict("Le nom du médecin n'a pas été relevé avec la plainte : la fiche ne peut être pseudonymisée.");
        var parties = new Parties(chamberCase.Rpps, doctorName, complaint.Complainant.Name);

        var title = Pseudonymisation.Apply(request.Title!.Trim(), parties);
        var summary = Pseudonymisation.Apply(request.Summary!.Trim(), parties);
        IReadOnlyList<string> themes = [.. request.Themes!.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Pseudonymisation.Apply(t.Trim(), parties)).Distinct()];
        var leaks = themes.Prepend(summary).Prepend(title)
            .SelectMany(text => Pseudonymisation.Leaks(text, parties, chamberCase.Id, chamberCase.ComplaintId)).Distinct().ToList();
        if (leaks.Count > 0)
            return Leaking(leaks);

        var earlier = await session.Query<CaseLawSheet>().Where(s => s.CaseId == id).ToListAsync(ct);
        var number = earlier.Count + 1;
        var decisionReference = earlier.Select(s => s.DecisionReference).FirstOrDefault(r => !string.IsNullOrEmpty(r)) ?? CaseLawReference.NewDecision();
        var reference = CaseLawReference.Sheet(decisionReference, number);
        var sheetId = Guid.CreateVersion7(clock.GetUtcNow());
        var published = new CaseLawSheetPublished(sheetId, id, number, title, summary, themes,
            decision.Outcome, decidedOn, chamberCase.Department, ParisCalendar.Today(clock), user.Actor(), reference, decisionReference);
        session.Events.StartStream<CaseLawSheet>(sheetId, published);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            return Problems.Conflict("Une autre fiche de cette décision vient d'être publiée sous le même numéro : réessayez.");
        }
        return TypedResults.Created($"/case-law/{reference}", new CaseLawSheetCreated(reference, number, title, summary));
    }

    /// <summary>409 naming each identifying detail left after pseudonymisation, e.g. « nom de tiers : « durand » ».</summary>
    private static ProblemHttpResult Leaking(IReadOnlyList<Leak> leaks) => TypedResults.Problem(
        "La fiche identifierait encore une personne ou l'affaire après pseudonymisation ; rien n'a été publié. Reformulez : " +
        string.Join(" ; ", leaks) + ".",
        statusCode: StatusCodes.Status409Conflict, title: "Fiche non pseudonymisable",
        extensions: new Dictionary<string, object?> { ["leaks"] = leaks.Select(l => new { kind = l.Kind, text = l.Text }).ToList() });

    private static bool IsUniqueViolation(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || (e.InnerException is { } inner && IsUniqueViolation(inner));

    private static Dictionary<string, string[]> Validate(WriteCaseLawSheet request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300 || HasControlCharacters(request.Title, allowLineBreaks: false))
            errors["title"] = ["Un titre de 1 à 300 caractères, sans caractère de contrôle."];
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 10_000 || HasControlCharacters(request.Summary, allowLineBreaks: true))
            errors["summary"] = ["Un résumé de 1 à 10 000 caractères, sans caractère de contrôle autre qu'un saut de ligne ou une tabulation."];
        if (request.Themes is null || !request.Themes.Any(t => !string.IsNullOrWhiteSpace(t)) || request.Themes.Count > 10
            || request.Themes.Any(t => t?.Length > 100 || (t is not null && HasControlCharacters(t, allowLineBreaks: false))))
            errors["themes"] = ["De 1 à 10 thèmes de 100 caractères au plus, sans caractère de contrôle."];
        return errors;
    }

    /// <summary>NUL and other control characters: PostgreSQL refuses NUL in text, and none belongs in a sheet or a query.</summary>
    public static bool HasControlCharacters(string text, bool allowLineBreaks) =>
        text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    /// <summary>The public search: French full text (stemmed), by sanction and decision date, newest first, by page.</summary>
    public static async Task<Results<Ok<Paged<PublicCaseLawSheet>>, ValidationProblem>> Search(
        IQuerySession session, CancellationToken ct, string? q = null, DecisionOutcome? sanction = null, DateOnly? from = null, DateOnly? to = null,
        int page = 1, int pageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.Invalid(page, pageSize, MaxPageSize) is { } invalid)
            errors["page"] = invalid;
        if (from > to)
            errors["from"] = ["La date de début suit la date de fin."];
        if (q?.Length > 200)
            errors["q"] = ["200 caractères au plus."];
        else if (q is not null && HasControlCharacters(q, allowLineBreaks: false))
            errors["q"] = ["Le texte recherché ne peut contenir de caractère de contrôle (NUL, tabulation, saut de ligne…)."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Recherche invalide");

        var query = session.Query<CaseLawSheet>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(s => s.WebStyleSearch(q, CaseLawModule.TextSearchConfig));
        if (sanction is { } outcome)
            query = query.Where(s => s.Sanction == outcome);
        if (from is { } start)
            query = query.Where(s => s.DecidedOn >= start);
        if (to is { } end)
            query = query.Where(s => s.DecidedOn <= end);
        var found = await query.ToPageAsync(q => q.OrderByDescending(s => s.DecidedOn).ThenBy(s => s.Id), page, pageSize, ct);
        return TypedResults.Ok(new Paged<PublicCaseLawSheet>([.. found.Items.Select(s => s.ToPublic())], found.Page, found.PageSize, found.Total));
    }

    public static async Task<Results<Ok<PublicCaseLawSheet>, ProblemHttpResult>> Get(string reference, IQuerySession session, CancellationToken ct) =>
        CaseLawReference.IsWellFormed(reference) && await session.Query<CaseLawSheet>().FirstOrDefaultAsync(s => s.Reference == reference, ct) is { } sheet
            ? TypedResults.Ok(sheet.ToPublic())
            : Problems.NotFound("Aucune fiche sous cette référence.");
}
