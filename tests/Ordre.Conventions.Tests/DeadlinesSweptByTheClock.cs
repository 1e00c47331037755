using System.Threading.Channels;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Conventions;
using Ordre.Conventions.Deadlines;
using Ordre.Conventions.Dossiers;
using Ordre.Conventions.Dossiers.Beneficiaries;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.Conventions.Dossiers.Uploading;

namespace Ordre.Conventions.Tests;

/// <summary>
/// The dossiers' deadlines stored as data (NextDeadline, indexed) and swept on the fake clock, on real PostgreSQL; what
/// they publish, on real RabbitMQ.
/// </summary>
public class DeadlinesSweptByTheClock(ConventionsInProcess conventions) : IClassFixture<ConventionsInProcess>
{
    [Fact]
    public async Task Silence_authorises_the_request_and_the_benefit_date_closes_the_declaration_on_the_clock_and_only_then()
    {
        var (bus, deemed) = await Listen<ConventionAuthorisationDeemedGranted>("test-deemed");
        try
        {
            var store = conventions.Services.GetRequiredService<IDocumentStore>();
            var today = ParisCalendar.Today(conventions.Clock);
            var request = new SubmitDossier("SWEEP-1", ConventionCategory.Studies, new BeneficiaryRequest(BeneficiaryKind.Doctor, "10005173140", null, null),
                "Étude observationnelle", [new BenefitRequest(BenefitNature.Remuneration, "Honoraires", 1_000m), new BenefitRequest(BenefitNature.ResearchGift, "Don", 6_000m)],
                today, today.AddMonths(4), today.AddMonths(3));
            var parts = SubmitDossierEndpoint.Decide(request, "552100554", today, new TableauAnswer(true, "75"), conventions.Clock, "labo-exemple");
            await using (var session = store.LightweightSession())
            {
                foreach (var (id, events) in parts)
                    session.Events.StartStream<Dossier>(id, events);
                await session.SaveChangesAsync();
            }
            var (declaration, authorisation) = (await Load(store, parts[0].Id), await Load(store, parts[1].Id));
            Assert.Equal((Regime.Declaration, Regime.Authorisation), (declaration.Regime, authorisation.Regime));

            // The review queue reads the index: the authorisation is due first (2 months), then the declaration (3 months).
            await using (var query = store.QuerySession())
            {
                var queue = await query.Query<Dossier>().Where(d => d.Reference == "SWEEP-1").OrderBy(d => d.NextDeadline).Select(d => d.Id).ToListAsync();
                Assert.Equal([authorisation.Id, declaration.Id], queue);
            }

            await MoveTo(authorisation.DecisionDueOn!.Value);
            Assert.Equal(DossierStatus.UnderReview, (await Load(store, authorisation.Id)).Status);
            await MoveTo(authorisation.DecisionDueOn!.Value.AddDays(1));
            var deemedAuthorised = await Load(store, authorisation.Id);
            Assert.Equal((DossierStatus.DeemedAuthorised, authorisation.DecisionDueOn!.Value.AddDays(1)), (deemedAuthorised.Status, deemedAuthorised.DecidedOn));
            Assert.Equal(DossierStatus.Declared, (await Load(store, declaration.Id)).Status);

            await MoveTo(declaration.BenefitOn.AddDays(-1));
            Assert.Equal(DossierStatus.Declared, (await Load(store, declaration.Id)).Status);
            await MoveTo(declaration.BenefitOn);
            Assert.Equal(DossierStatus.Closed, (await Load(store, declaration.Id)).Status);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var published = await deemed.ReadAsync(timeout.Token);
            Assert.Equal((authorisation.Id, "Studies"), (published.DossierId, published.Category));
        }
        finally
        {
            await bus.StopAsync();
        }

        async Task MoveTo(DateOnly day)
        {
            // Noon in Paris on that day; the hosted sweeper may run too when the clock moves: assert the state only.
            var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
            conventions.Clock.Advance(target - conventions.Clock.GetUtcNow());
            await conventions.Services.GetRequiredService<ConventionsDeadlines>().SweepAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_submission_and_a_decision_are_published_by_regime_category_and_month_without_personal_data()
    {
        var (submittedBus, submitted) = await Listen<ConventionDossierSubmitted>("test-submitted");
        var (decidedBus, decided) = await Listen<ConventionDossierDecided>("test-decided");
        try
        {
            var store = conventions.Services.GetRequiredService<IDocumentStore>();
            var today = ParisCalendar.Today(conventions.Clock);
            var request = new SubmitDossier("PUBLISH-1", ConventionCategory.Hospitality, new BeneficiaryRequest(BeneficiaryKind.Doctor, "10005173140", null, null),
                "Congrès", [new BenefitRequest(BenefitNature.Hospitality, "Hôtel", 2_500m)], today, today.AddMonths(2), today.AddMonths(1), Urgent: true);
            var (id, events) = Assert.Single(SubmitDossierEndpoint.Decide(request, "552100554", today, new TableauAnswer(true, "75"), conventions.Clock, "labo-exemple"));
            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream<Dossier>(id, events);
                session.Events.Append(id, new Ordre.Conventions.Dossiers.Deciding.AuthorisationRefused(id, "Disproportionné.", today, "cnom", ConventionCategory.Hospitality));
                await session.SaveChangesAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            ConventionDossierSubmitted first;
            do first = await submitted.ReadAsync(timeout.Token); while (first.DossierId != id);
            Assert.Equal(("Authorisation", "Hospitality", month, false, true), (first.Regime, first.Category, first.Month, first.Late, first.Urgent));
            ConventionDossierDecided decision;
            do decision = await decided.ReadAsync(timeout.Token); while (decision.DossierId != id);
            Assert.Equal(("Authorisation", "Hospitality", "Refused", month), (decision.Regime, decision.Category, decision.Decision, decision.Month));
        }
        finally
        {
            await submittedBus.StopAsync();
            await decidedBus.StopAsync();
        }
    }

    [Fact]
    public async Task An_upload_whose_process_stopped_is_marked_interrupted_by_the_sweep_with_its_counts_and_a_live_one_is_left_alone()
    {
        var store = conventions.Services.GetRequiredService<IDocumentStore>();
        var sweep = conventions.Services.GetRequiredService<ConventionsDeadlines>();
        var started = conventions.Clock.GetUtcNow();
        // The process that recorded 2,000 rows of this file stopped: nothing will ever write its end.
        var stopped = new ConventionUpload(Guid.CreateVersion7(), "552100554", "arret.csv", 500_000, UploadStatus.Processing, 2_000, 1_990, 0, 10, 40,
            started, null, null, started);
        await Store(stopped);
        conventions.Clock.Advance(TimeSpan.FromMinutes(9));
        var live = stopped with { Id = Guid.CreateVersion7(), FileName = "vivant.csv", ProgressAt = conventions.Clock.GetUtcNow() };
        await Store(live);
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal(UploadStatus.Processing, (await LoadUpload(stopped.Id)).Status);

        conventions.Clock.Advance(TimeSpan.FromMinutes(2));
        await sweep.SweepAsync(CancellationToken.None);
        var interrupted = await LoadUpload(stopped.Id);
        Assert.Equal((UploadStatus.Interrupted, 2_000, 1_990, 10, StalledUploads.Fault), (interrupted.Status, interrupted.Rows, interrupted.Accepted, interrupted.Rejected, interrupted.Fault));
        Assert.Equal(UploadStatus.Processing, (await LoadUpload(live.Id)).Status);

        async Task Store(ConventionUpload upload)
        {
            await using var session = store.LightweightSession();
            session.Store(upload);
            await session.SaveChangesAsync();
        }

        async Task<ConventionUpload> LoadUpload(Guid id)
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<ConventionUpload>(id))!;
        }
    }

    private static async Task<Dossier> Load(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Dossier>(id))!;
    }

    /// <summary>A bus of the test's own that receives what Conventions publishes of <typeparamref name="T"/>.</summary>
    private async Task<(IBusControl Bus, ChannelReader<T> Received)> Listen<T>(string queue) where T : class
    {
        var received = Channel.CreateUnbounded<T>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(conventions.Broker.Amqp);
            rabbit.ReceiveEndpoint(queue, e => e.Handler<T>(context => received.Writer.WriteAsync(context.Message).AsTask()));
        });
        await bus.StartAsync();
        return (bus, received.Reader);
    }
}
