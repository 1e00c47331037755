using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Marten;
using JasperFx;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Conventions.Dossiers.Beneficiaries;
using Ordre.Conventions.Dossiers.Uploading;
using Ordre.ServiceDefaults.Problems;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Dossiers.Submitting;

/// <summary>The beneficiary as the company names it: a doctor by RPPS (with its key), a student by INE, an association by name.</summary>
public sealed record BeneficiaryRequest(
    BeneficiaryKind? Kind, [property: MaxText(TextLimits.Code)] string? Rpps, [property: MaxText(TextLimits.Code)] string? Ine,
    [property: MaxText(TextLimits.Line)] string? Name);

/// <summary>One benefit: its nature (the arrêté's threshold it is measured against), what it is, its amount in euros with cents.</summary>
public sealed record BenefitRequest(BenefitNature? Nature, [property: MaxText(TextLimits.Line)] string? Description, decimal? Amount);

/// <summary>
/// Body of POST /dossiers: one convention, submitted by the company the token names. <paramref name="Reference"/> is the
/// company's own key: the same reference with the same content answers the first result again; with another content, 409.
/// <paramref name="Urgent"/>: an urgent authorisation request, decided within 3 weeks (the Ordre may reject the urgency).
/// </summary>
public sealed record SubmitDossier(
    [property: MaxText(SubmitDossierEndpoint.ReferenceLength)] string? Reference, ConventionCategory? Category, BeneficiaryRequest? Beneficiary,
    [property: MaxText(TextLimits.Text)] string? Purpose, [property: MaxLength(TextLimits.Items)] IReadOnlyList<BenefitRequest>? Benefits,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? BenefitOn, bool Urgent = false);

/// <summary>
/// A dossier received: one regime's part of a convention. <paramref name="LinkedDossierId"/>: the other part, when the
/// convention was split. <paramref name="BatchId"/>: the batch of a CSV upload it came in, counted on the bus by the batch's
/// <see cref="Uploading.DossiersSubmittedInBatch"/> rather than one by one; null for a single submission.
/// </summary>
public sealed record DossierSubmitted(
    Guid DossierId, string CompanyId, string Reference, Regime Regime, ConventionCategory Category, Beneficiary Beneficiary, string Purpose,
    IReadOnlyList<Benefit> Benefits, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly BenefitOn, DateOnly ReceivedOn, string CalendarDepartment,
    DateOnly? LatestSendingOn, bool Late, DateOnly? DecisionDueOn, DateOnly? IncompletenessNoticeDueOn, Guid? LinkedDossierId, string By,
    bool Urgent = false, Guid? BatchId = null)
    : IChanges<Dossier>;

/// <summary>One dossier of the answer.</summary>
public sealed record DossierPart(Guid Id, Regime Regime, DossierStatus Status, decimal Total, DateOnly? LatestSendingOn, bool Late, DateOnly? DecisionDueOn);

/// <summary>The answer to a submission (the same again for a resubmission of the same reference and content).</summary>
public sealed record SubmissionAnswer(string Reference, bool? BeneficiaryRegisteredAndPractising, IReadOnlyList<DossierPart> Dossiers);

/// <summary>A company's reference, kept with a fingerprint of what it named and the answer given (id: company/reference).</summary>
public sealed record CompanySubmission(string Id, string Fingerprint, SubmissionAnswer Answer);

public static partial class SubmitDossierEndpoint
{
    public const int ReferenceLength = 64;
    /// <summary>How far before today a benefit may lie (a late declaration), and after it: checked so no date arithmetic runs on absurd dates.</summary>
    public const int YearsBefore = 1, YearsAfter = 3, LongestPeriodYears = 5;
    public const decimal LargestAmount = 10_000_000m;

    /// <summary>POST /dossiers; <c>?mode=test</c>: the pre-check (regime, legal dates, the Tableau's answer, every error), nothing recorded.</summary>
    public static async Task<Results<Created<SubmissionAnswer>, Ok<SubmissionAnswer>, Ok<ConventionPreCheck>, ValidationProblem, ProblemHttpResult>> Handle(
        SubmitDossier request, string? mode, ClaimsPrincipal user, IDocumentSession session, PractitionerLookup.PractitionerLookupClient tableau,
        TimeProvider clock, CancellationToken ct)
    {
        if (DossierChange.CompanyOf(user) is not { } company)
            return Problems.Forbidden("Le jeton ne désigne aucune entreprise.");
        var today = ParisCalendar.Today(clock);
        var errors = Validate(request, today);
        if (UploadConventionsEndpoint.IsTest(mode) is not { } test)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = [UploadConventionsEndpoint.ModeMessage] }, title: "Dossier invalide");
        if (test)
        {
            try
            {
                var input = new ConventionInput(null, request, [.. errors.SelectMany(e => e.Value.Select(m => new RowError(e.Key, m)))]);
                return TypedResults.Ok((await ConventionBatch.DecideAsync([input], company, today, session, null, tableau, clock, user.Actor(), ct))[0]);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                return TableauUnavailable("Le Tableau ne répond pas : réessayez.");
            }
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Dossier invalide");

        var reference = request.Reference!.Trim();
        var key = $"{company}/{reference}";
        var fingerprint = Fingerprint(request);
        if (await session.LoadAsync<CompanySubmission>(key, ct) is { } earlier)
            return Again(earlier, fingerprint);

        TableauAnswer? answer = null;
        if (request.Beneficiary!.Kind == BeneficiaryKind.Doctor)
        {
            try
            {
                var rpps = request.Beneficiary.Rpps!.Trim();
                answer = (await TableauCheck.CheckAsync(tableau, [rpps], ct)).GetValueOrDefault(rpps) ?? new TableauAnswer(false, null);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                return TableauUnavailable("Le Tableau ne répond pas : le dossier n'a pas été enregistré, réessayez.");
            }
        }

        var events = Decide(request, company, today, answer, clock, user.Actor());
        foreach (var (id, stream) in events)
            session.Events.StartStream<Dossier>(id, stream);
        var result = Answer(reference, answer, events);
        session.Insert(new CompanySubmission(key, fingerprint, result));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same reference submitted at the same moment: the first one stands.
            await using var fresh = session.DocumentStore.QuerySession();
            return Again((await fresh.LoadAsync<CompanySubmission>(key, ct))!, fingerprint);
        }
        return TypedResults.Created($"/dossiers/{result.Dossiers[0].Id}", result);
    }

    public static ProblemHttpResult TableauUnavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service indisponible");

    /// <summary>The answer to a submission decided: each dossier as it stands once its events are applied.</summary>
    public static SubmissionAnswer Answer(string reference, TableauAnswer? answer, IReadOnlyList<(Guid Id, object[] Events)> events) =>
        new(reference, answer?.RegisteredAndPractising,
            [.. events.Select(e => e.Events.Aggregate((Dossier?)null, (d, x) => d is null ? Dossier.Create((DossierSubmitted)x) : Evolution<Dossier>.Apply(d, x))!)
                .Select(d => new DossierPart(d.Id, d.Regime, d.Status, d.Total, d.LatestSendingOn, d.Late, d.DecisionDueOn))]);

    private static Results<Created<SubmissionAnswer>, Ok<SubmissionAnswer>, Ok<ConventionPreCheck>, ValidationProblem, ProblemHttpResult> Again(CompanySubmission earlier, string fingerprint) =>
        earlier.Fingerprint == fingerprint
            ? TypedResults.Ok(earlier.Answer)
            : Problems.Conflict($"La référence {earlier.Answer.Reference} désigne déjà un autre dossier de l'entreprise : choisissez une autre référence.");

    /// <summary>
    /// The dossiers a valid submission opens: one per regime its benefits fall under (split and linked when both), each
    /// with its clock: a declaration's latest sending day (flagged late when passed), an authorisation's 2 months to decide
    /// and 1 month to declare it incomplete. The Tableau's answer (a doctor) is recorded on each.
    /// </summary>
    public static IReadOnlyList<(Guid Id, object[] Events)> Decide(
        SubmitDossier request, string company, DateOnly today, TableauAnswer? tableau, TimeProvider clock, string by)
    {
        var kind = request.Beneficiary!.Kind!.Value;
        var beneficiary = new Beneficiary(kind, Clean(kind == BeneficiaryKind.Doctor ? request.Beneficiary.Rpps : null),
            Clean(kind == BeneficiaryKind.Student ? request.Beneficiary.Ine : null), Clean(request.Beneficiary.Name));
        var benefits = request.Benefits!.Select(b => new Benefit(b.Nature!.Value, b.Description?.Trim() ?? "", b.Amount!.Value)).ToList();
        var parts = ConventionsRules.Split(kind, benefits, today);
        var ids = parts.Select(_ => Guid.CreateVersion7(clock.GetUtcNow())).ToList();
        var department = ConventionsRules.CalendarDepartment(tableau?.Department);
        var benefitOn = request.BenefitOn!.Value;
        return parts.Select((part, i) =>
        {
            var declaration = part.Regime == Regime.Declaration;
            var urgent = !declaration && request.Urgent;
            var latest = declaration ? ConventionsRules.LatestDeclarationDay(benefitOn, department, today) : (DateOnly?)null;
            object submitted = new DossierSubmitted(ids[i], company, request.Reference!.Trim(), part.Regime, request.Category!.Value, beneficiary,
                request.Purpose!.Trim(), part.Benefits, request.PeriodFrom!.Value, request.PeriodTo!.Value, benefitOn, today, department,
                latest, declaration && today > latest, declaration ? null : ConventionsRules.DecisionDueOn(today, urgent),
                declaration ? null : ConventionsRules.IncompletenessNoticeDueOn(today, urgent), parts.Count > 1 ? ids[1 - i] : null, by, urgent);
            return (ids[i], tableau is null ? new[] { submitted } : [submitted, new BeneficiaryChecked(ids[i], tableau.RegisteredAndPractising, today)]);
        }).ToList();
    }

    public static Dictionary<string, string[]> Validate(SubmitDossier request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reference) || !ReferenceFormat().IsMatch(request.Reference.Trim()))
            errors["reference"] = [$"Indiquez la référence du dossier chez l'entreprise : de 1 à {ReferenceLength} lettres, chiffres ou « . _ / - »."];
        if (request.Category is null || !Enum.IsDefined(request.Category.Value))
            errors["category"] = ["Indiquez la catégorie : Hospitality, Fees, Studies, Miscellaneous ou Simplified."];
        switch (request.Beneficiary)
        {
            case null or { Kind: null }:
                errors["beneficiary"] = ["Indiquez le bénéficiaire : Doctor (rpps), Student (ine) ou Association (name)."];
                break;
            case { Kind: BeneficiaryKind.Doctor } when !Rpps.IsValid(request.Beneficiary.Rpps?.Trim()):
                errors["beneficiary.rpps"] = ["Le numéro RPPS du médecin doit comporter 11 chiffres et une clé de contrôle valide."];
                break;
            case { Kind: BeneficiaryKind.Student } when request.Beneficiary.Ine?.Trim() is not { } ine || !IneFormat().IsMatch(ine):
                errors["beneficiary.ine"] = ["L'identifiant national étudiant (INE) comporte 11 lettres ou chiffres."];
                break;
            case { Kind: BeneficiaryKind.Association } when string.IsNullOrWhiteSpace(request.Beneficiary.Name):
                errors["beneficiary.name"] = ["Indiquez le nom de l'association."];
                break;
        }
        if (request.Beneficiary?.Name is { } name && name.Any(char.IsControl))
            errors["beneficiary.name"] = ["Le nom ne peut contenir de caractère de contrôle."];
        if (string.IsNullOrWhiteSpace(request.Purpose))
            errors["purpose"] = ["Indiquez l'objet précis de la convention."];
        ValidateBenefits(request.Benefits, errors);
        if (request.PeriodFrom is not { } from || request.PeriodTo is not { } to || from > to || LongerThan(from, to, LongestPeriodYears))
            errors["periodTo"] = [$"Indiquez la période couverte (periodFrom, periodTo), de {LongestPeriodYears} ans au plus."];
        else if (request.BenefitOn is not { } on || on < from || on > to)
            errors["benefitOn"] = ["La date de l'avantage tombe dans la période couverte."];
        if (request.BenefitOn is { } day && (day < today.AddYears(-YearsBefore) || day > today.AddYears(YearsAfter)))
            errors["benefitOn"] = [$"La date de l'avantage est comprise entre un an avant aujourd'hui et {YearsAfter} ans après."];
        return errors;
    }

    /// <summary>Whether the period runs over <paramref name="years"/> years, without adding years past 31 December 9999.</summary>
    private static bool LongerThan(DateOnly from, DateOnly to, int years) =>
        from.Year <= DateOnly.MaxValue.Year - years && to > from.AddYears(years);

    /// <summary>At least one benefit, each with its nature and an amount in euros, positive or nil, to the cent.</summary>
    public static void ValidateBenefits(IReadOnlyList<BenefitRequest>? benefits, Dictionary<string, string[]> errors)
    {
        if (benefits is not { Count: > 0 })
        {
            errors["benefits"] = ["Indiquez au moins un avantage, sa nature et son montant."];
            return;
        }
        for (var i = 0; i < benefits.Count; i++)
        {
            var benefit = benefits[i];
            if (benefit.Nature is null || !Enum.IsDefined(benefit.Nature.Value))
                errors[$"benefits[{i}].nature"] = ["Indiquez la nature : Remuneration, Hospitality, TrainingFunding ou ResearchGift."];
            if (benefit.Amount is not { } amount || amount < 0 || amount > LargestAmount || decimal.Round(amount, 2) != amount)
                errors[$"benefits[{i}].amount"] = [$"Le montant est en euros, positif ou nul, au centime près, {FrenchNumbers.Whole(LargestAmount)} € au plus."];
        }
    }

    /// <summary>What the company named, normalised (trimmed texts, amounts to the cent): equal fingerprints, same dossier.</summary>
    public static string Fingerprint(SubmitDossier request)
    {
        var text = new StringBuilder();
        void Add(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim()).Append('\u001f');
        Add(request.Reference); Add(request.Category); Add(request.Beneficiary?.Kind); Add(request.Beneficiary?.Rpps);
        Add(request.Beneficiary?.Ine); Add(request.Beneficiary?.Name); Add(request.Purpose);
        foreach (var benefit in request.Benefits ?? [])
        {
            Add(benefit.Nature); Add(benefit.Description); Add(benefit.Amount?.ToString("F2", CultureInfo.InvariantCulture));
        }
        Add(request.PeriodFrom?.ToString("O")); Add(request.PeriodTo?.ToString("O")); Add(request.BenefitOn?.ToString("O")); Add(request.Urgent);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9._/-]{1,64}$")]
    private static partial Regex ReferenceFormat();

    [GeneratedRegex(@"^[A-Za-z0-9]{11}$")]
    private static partial Regex IneFormat();
}
