using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;
using Ordre.Tableau.Inscriptions.Instructing;
using Ordre.Tableau.Inscriptions.Training;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Inscriptions.Requesting;

/// <summary>The body of POST /inscriptions.</summary>
/// <param name="Rpps">11-digit RPPS number with its Luhn key, e.g. 10005173140.</param>
/// <param name="Department">Department of the professional residence: 01–95 (not 20), 2A, 2B, 971–974, 976.</param>
/// <param name="LastName">Surname used in practice.</param>
/// <param name="FirstName">First name used in practice.</param>
/// <param name="BirthDate">Date of birth (ISO date).</param>
/// <param name="Diploma">The medical diploma.</param>
/// <param name="Specialty">Specialty, e.g. "Médecine générale".</param>
/// <param name="MissingDocuments">Documents still missing: the dossier is then incomplete and the clock does not run.</param>
/// <param name="InvestigationAbroad">A third-country national needing an investigation outside metropolitan France: 6 months to decide.</param>
public sealed record RequestInscription(
    [property: MaxText(TextLimits.Code)] string? Rpps,
    [property: MaxText(TextLimits.Code)] string? Department,
    [property: MaxText(TextLimits.Name)] string? LastName,
    [property: MaxText(TextLimits.Name)] string? FirstName,
    DateOnly? BirthDate,
    Diploma? Diploma,
    [property: MaxText(TextLimits.Line)] string? Specialty,
    [property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? MissingDocuments = null,
    bool InvestigationAbroad = false);

public sealed record InscriptionCreated(Guid Id, long Version);

public static class RequestInscriptionEndpoint
{
    public const int MaxNameLength = 100;

    public static async Task<Results<Created<InscriptionCreated>, ValidationProblem, ProblemHttpResult>> Handle(
        RequestInscription request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Jurisdiction before anything else in the body is looked at.
        if (InscriptionChange.NewDossierOutsideJurisdiction(request.Department, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);

        var today = ParisCalendar.Today(clock);
        var errors = Validate(request, today);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Demande d'inscription invalide");

        if (await session.LoadAsync<RppsClaim>(request.Rpps!, ct) is { } existing)
            return Problems.Conflict($"Le numéro RPPS {request.Rpps} a déjà un dossier d'inscription en cours ou accordé ({existing.InscriptionId}).");
        if (await RecordTrainingObligationsMetEndpoint.InadmissibleAsync(session, request.Rpps!, ct) is { } inadmissible)
            return Problems.Conflict(inadmissible);

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var requested = new InscriptionRequested(
            id, request.Rpps!, request.Department!, request.LastName!.Trim(), request.FirstName!.Trim(), request.BirthDate!.Value,
            request.Diploma! with { Title = request.Diploma.Title.Trim(), IssuedBy = request.Diploma.IssuedBy.Trim() },
            request.Specialty!.Trim(), today, user.Actor());

        var missing = (request.MissingDocuments ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        object instruction = missing.Count > 0
            ? new DocumentsRequested(id, missing, today, requested.RequestedBy)
            : new DossierCompleted(id, today, request.InvestigationAbroad, InscriptionRules.DecisionDue(today, request.InvestigationAbroad), requested.RequestedBy);

        session.Insert(new RppsClaim(requested.Rpps, id));
        session.Events.StartStream<Inscription>(id, requested, instruction);
        await session.SaveChangesAsync(ct);

        return TypedResults.Created($"/inscriptions/{id}", new InscriptionCreated(id, 2));
    }

    /// <summary>Field errors, keyed by the JSON field name, in French.</summary>
    public static Dictionary<string, string[]> Validate(RequestInscription request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (!Rpps.IsValid(request.Rpps))
            Add("rpps", "Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide.");
        if (!DepartmentCode.IsValid(request.Department))
            Add("department", "Code de département inconnu (01 à 95 sauf 20, 2A, 2B, 971 à 974, 976).");
        RequireText(request.LastName, "lastName", "Le nom", Add);
        RequireText(request.FirstName, "firstName", "Le prénom", Add);
        RequireText(request.Specialty, "specialty", "La spécialité", Add);

        if (request.BirthDate is not { } birth)
            Add("birthDate", "La date de naissance est obligatoire.");
        else if (birth > today.AddYears(-TableauRules.Book.Value(TableauRules.MinimumAge, today)))
            Add("birthDate", $"Le demandeur doit avoir au moins {TableauRules.Book.Value(TableauRules.MinimumAge, today)} ans.");

        if (request.Diploma is not { } diploma)
            Add("diploma", "Le diplôme est obligatoire.");
        else
        {
            RequireText(diploma.Title, "diploma.title", "L'intitulé du diplôme", Add);
            RequireText(diploma.IssuedBy, "diploma.issuedBy", "L'établissement qui a délivré le diplôme", Add);
            if (diploma.IssuedOn > today)
                Add("diploma.issuedOn", "La date du diplôme ne peut pas être dans le futur.");
            else if (request.BirthDate is { } born && diploma.IssuedOn <= born)
                Add("diploma.issuedOn", "La date du diplôme doit suivre la date de naissance.");
        }
        return errors;
    }

    private static void RequireText(string? value, string field, string label, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
            add(field, $"{label} est obligatoire.");
        else if (value.Trim().Length > MaxNameLength)
            add(field, $"{label} ne doit pas dépasser {MaxNameLength} caractères.");
    }
}
