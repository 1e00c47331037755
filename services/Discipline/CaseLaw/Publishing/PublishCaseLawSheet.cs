using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;
using Ordre.Contracts.Access;

namespace Ordre.Discipline.CaseLaw.Publishing;

/// <summary>Body of POST /cases/{id}/case-law-sheets, written by the national chamber's case-law service.</summary>
public sealed record WriteCaseLawSheet([property: MaxText(TextLimits.Line)] string? Title, [property: MaxText(TextLimits.Text)] string? Summary, [property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Themes);

public sealed record CaseLawSheetCreated(string Reference, int Number, string Title, string Summary);

/// <summary>The sheet as published: its text is already pseudonymised (no names, addresses, numbers or internal ids).</summary>
public sealed record CaseLawSheetPublished(
    Guid SheetId, Guid CaseId, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn, string By,
    string? Reference = null, string? DecisionReference = null) : IChanges<CaseLawSheet>;

public static class PublishCaseLawSheetEndpoint
{
    /// <summary>
    /// Publishes a sheet of a national chamber decision, pseudonymised before it is stored. The leak check then reads
    /// the pseudonymised text: while it finds a name, initials, a number, an address or an internal identifier, the
    /// sheet is refused (409, naming each) and nothing is published.
    /// </summary>
    public static async Task<Results<Created<CaseLawSheetCreated>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, WriteCaseLawSheet request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.NationalChamber))
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
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300 || CaseLawText.HasControlCharacters(request.Title, allowLineBreaks: false))
            errors["title"] = ["Un titre de 1 à 300 caractères, sans caractère de contrôle."];
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 10_000 || CaseLawText.HasControlCharacters(request.Summary, allowLineBreaks: true))
            errors["summary"] = ["Un résumé de 1 à 10 000 caractères, sans caractère de contrôle autre qu'un saut de ligne ou une tabulation."];
        if (request.Themes is null || !request.Themes.Any(t => !string.IsNullOrWhiteSpace(t)) || request.Themes.Count > 10
            || request.Themes.Any(t => t?.Length > 100 || (t is not null && CaseLawText.HasControlCharacters(t, allowLineBreaks: false))))
            errors["themes"] = ["De 1 à 10 thèmes de 100 caractères au plus, sans caractère de contrôle."];
        return errors;
    }
}
