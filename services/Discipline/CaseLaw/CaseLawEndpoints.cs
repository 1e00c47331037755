using System.Security.Claims;
using Marten;
using Ordre.ServiceDefaults.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;
using Problems = Ordre.ServiceDefaults.Problems.Problems;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Discipline.CaseLaw;

/// <summary>Body of POST /cases/{id}/case-law-sheets, written by the national chamber's case-law service.</summary>
public sealed record WriteCaseLawSheet([property: MaxText(TextLimits.Line)] string? Title, [property: MaxText(TextLimits.Text)] string? Summary, [property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Themes);

public sealed record CaseLawSheetCreated(Guid Id, int Number, string Title, string Summary);

public static class CaseLawEndpoints
{
    public const int MaxPageSize = 50;

    /// <summary>Publishes a sheet of a national chamber decision, pseudonymised before it is stored.</summary>
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

        var number = await session.Query<CaseLawSheet>().CountAsync(s => s.CaseId == id, ct) + 1;
        var sheetId = Guid.CreateVersion7(clock.GetUtcNow());
        var published = new CaseLawSheetPublished(sheetId, id, number,
            Pseudonymisation.Apply(request.Title!.Trim(), parties), Pseudonymisation.Apply(request.Summary!.Trim(), parties),
            [.. request.Themes!.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Pseudonymisation.Apply(t.Trim(), parties)).Distinct()],
            decision.Outcome, decidedOn, chamberCase.Department, ParisCalendar.Today(clock), user.Actor());
        session.Events.StartStream<CaseLawSheet>(sheetId, published);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/case-law/{sheetId}", new CaseLawSheetCreated(sheetId, number, published.Title, published.Summary));
    }

    private static Dictionary<string, string[]> Validate(WriteCaseLawSheet request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
            errors["title"] = ["Un titre de 1 à 300 caractères."];
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 10_000)
            errors["summary"] = ["Un résumé de 1 à 10 000 caractères."];
        if (request.Themes is null || !request.Themes.Any(t => !string.IsNullOrWhiteSpace(t)) || request.Themes.Count > 10 || request.Themes.Any(t => t?.Length > 100))
            errors["themes"] = ["De 1 à 10 thèmes de 100 caractères au plus."];
        return errors;
    }

    /// <summary>The public search: French full text (stemmed), by sanction and decision date, newest first, by page.</summary>
    public static async Task<Results<Ok<Paged<CaseLawSheet>>, ValidationProblem>> Search(
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
        return TypedResults.Ok(await query.ToPageAsync(q => q.OrderByDescending(s => s.DecidedOn).ThenBy(s => s.Id), page, pageSize, ct));
    }

    public static async Task<Results<Ok<CaseLawSheet>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CaseLawSheet>(id, ct) is { } sheet ? TypedResults.Ok(sheet) : Problems.NotFound($"Aucune fiche {id}.");
}
