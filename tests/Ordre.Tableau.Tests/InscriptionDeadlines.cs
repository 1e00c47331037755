using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Access;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Inscriptions.Deciding;
using Ordre.Tableau.Inscriptions.Instructing;
using Ordre.Tableau.Inscriptions.Requesting;
using Ordre.Tableau.Inscriptions.Training;
using Ordre.Tableau.Deadlines;
using DemoDoctors = Ordre.Client.DemoDoctors;
using Diploma = Ordre.Tableau.Inscriptions.Diploma;

namespace Ordre.Tableau.Tests;

/// <summary>The council's silence, on a fake clock: a complete dossier left undecided is implicitly rejected (L.4112-4).</summary>
public class InscriptionDeadlines(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    private IDocumentStore Store => tableau.Services.GetRequiredService<IDocumentStore>();
    private DeadlineSweeper Sweeper => tableau.Services.GetRequiredService<DeadlineSweeper>();

    [Fact]
    public async Task A_complete_dossier_left_undecided_for_three_months_is_implicitly_rejected_and_may_be_appealed()
    {
        var today = ParisCalendar.Today(tableau.Clock);
        var (id, rpps) = await CompleteDossier(today, investigationAbroad: false);

        tableau.Clock.Advance(TimeSpan.FromDays(90)); // 22/11 + 90 days = 20/02, before the 22/02 deadline
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(InscriptionStatus.Complete, (await Dossier(id)).Status);

        tableau.Clock.Advance(TimeSpan.FromDays(3)); // 23/02: the day after the last day
        await Sweeper.SweepAsync(CancellationToken.None);
        var rejected = await Dossier(id);
        Assert.Equal(InscriptionStatus.ImplicitlyRejected, rejected.Status);
        Assert.Equal(today.AddMonths(3), rejected.DecidedOn);
        Assert.Equal(today.AddMonths(3).AddDays(30), rejected.AppealDeadline);
        await using var session = Store.QuerySession();
        Assert.Null(await session.LoadAsync<RppsClaim>(rpps)); // the applicant may apply again
    }

    [Fact]
    public async Task With_an_investigation_abroad_the_council_has_six_months()
    {
        var (id, _) = await CompleteDossier(ParisCalendar.Today(tableau.Clock), investigationAbroad: true);
        tableau.Clock.Advance(TimeSpan.FromDays(120));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(InscriptionStatus.Complete, (await Dossier(id)).Status);
    }

    // R.4112-2: a refusal for incompetence lists training obligations; a new application is inadmissible until they are met.
    [Fact]
    public async Task A_new_application_is_inadmissible_until_the_training_obligations_of_a_refusal_are_met()
    {
        var today = ParisCalendar.Today(tableau.Clock);
        var (id, rpps) = await CompleteDossier(today, investigationAbroad: false);
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(id, new InscriptionRefused(id, rpps, "75", ["Insuffisance professionnelle"], today, "cdom75", ["Stage de six mois"]));
            session.Delete<RppsClaim>(rpps);
            await session.SaveChangesAsync();
        }

        var again = await Request(rpps, today);
        var problem = Assert.IsType<ProblemHttpResult>(again.Result);
        Assert.Equal(409, problem.StatusCode);
        Assert.Contains("obligations de formation", problem.ProblemDetails.Detail);

        await using (var session = Store.LightweightSession())
        {
            var refused = await session.Events.FetchForWriting<Inscription>(id);
            refused.AppendMany(((Outcome.Accepted)RecordTrainingObligationsMetEndpoint.Decide(refused.Aggregate!,
                new RecordTrainingObligationsMet("Attestation de stage"), today, "cdom75")).Events);
            await session.SaveChangesAsync();
        }
        Assert.IsType<Created<InscriptionCreated>>((await Request(rpps, today)).Result);
    }

    private async Task<Results<Created<InscriptionCreated>, ValidationProblem, ProblemHttpResult>> Request(string rpps, DateOnly today)
    {
        var doctor = new DemoDoctors(Random.Shared.Next()).Next("75", today);
        var council = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(OrdreClaims.Subject, "cdom75"), new Claim(OrdreClaims.Role, Roles.DepartmentalCouncil), new Claim(OrdreClaims.Department, "75")],
            "test", OrdreClaims.Name, OrdreClaims.Role));
        await using var session = Store.LightweightSession();
        return await RequestInscriptionEndpoint.Handle(new RequestInscription(rpps, "75", doctor.LastName, doctor.FirstName, doctor.BirthDate,
            new Diploma(doctor.Diploma!.Title!, doctor.Diploma.IssuedBy!, doctor.Diploma.IssuedOn), doctor.Specialty), council, session, tableau.Clock, CancellationToken.None);
    }

    private async Task<(Guid Id, string Rpps)> CompleteDossier(DateOnly today, bool investigationAbroad)
    {
        var doctor = new DemoDoctors(Random.Shared.Next()).Next("75", today);
        var id = Guid.CreateVersion7();
        await using var session = Store.LightweightSession();
        session.Insert(new RppsClaim(doctor.Rpps!, id));
        session.Events.StartStream<Inscription>(id,
            new InscriptionRequested(id, doctor.Rpps!, "75", doctor.LastName!, doctor.FirstName!, doctor.BirthDate!.Value,
                new Diploma(doctor.Diploma!.Title!, doctor.Diploma.IssuedBy!, doctor.Diploma.IssuedOn), doctor.Specialty!, today, "cdom75"),
            new DossierCompleted(id, today, investigationAbroad, InscriptionRules.DecisionDue(today, investigationAbroad), "cdom75"));
        await session.SaveChangesAsync();
        return (id, doctor.Rpps!);
    }

    private async Task<Inscription> Dossier(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<Inscription>(id))!;
    }
}
