using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Client;
using Ordre.Tableau.Lookup;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Qualifications;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Tests;

/// <summary>
/// The batch lookup reads only some JSON members of the snapshots (one query, not whole documents): what it reads must be
/// what the snapshot says, member for member, for every shape of entry the answer and need-to-know look at.
/// </summary>
public class LookupEntriesAreTheSnapshotsOwnMembers(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    private IDocumentStore Store => tableau.Services.GetRequiredService<IDocumentStore>();
    private DateOnly Today => ParisCalendar.Today(tableau.Clock);

    [Fact]
    public async Task The_narrow_query_reads_each_entry_as_its_whole_snapshot_would_give_it()
    {
        var plain = await Registered();
        var qualifiedAndSuspended = await Registered(
            id => new QualificationRecognised(id.Id, id.Rpps, "Addictologie", Today, "test"),
            id => new QualificationRecognised(id.Id, id.Rpps, "Médecine du sport", Today, "test"),
            id => new SuspensionOrdered(id.Id, id.Rpps, Guid.NewGuid(), SuspensionSource.Health, true, Today, Today.AddDays(90), "test"));
        var banned = await Registered(
            id => new PracticeBanStarted(id.Id, id.Rpps, Guid.NewGuid(), Today, Today.AddDays(30)),
            id => new PracticeBanStarted(id.Id, id.Rpps, Guid.NewGuid(), Today.AddDays(-3), null));
        var inTransfer = await Registered(id => new TransferRequested(id.Id, id.Rpps, "75", "69", Today, "test"));
        string[] asked = [plain, qualifiedAndSuspended, banned, inTransfer, "10000000008"];

        await using var session = Store.QuerySession();
        var read = await PractitionerStatuses.LoadEntriesAsync(session, asked, CancellationToken.None);

        Assert.Equal(4, read.Count);
        foreach (var rpps in asked[..4])
        {
            var snapshot = (await session.LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps)))!;
            Assert.Equivalent(LookupEntry.From(snapshot), read[rpps], strict: true);
        }
        Assert.Equal((RegisterStatus.Banned, 2), (read[banned].Status, read[banned].Bans.Count));
        Assert.Equal(["Addictologie", "Médecine du sport"], read[qualifiedAndSuspended].Qualifications);
    }

    private async Task<string> Registered(params Func<(Guid Id, string Rpps), object>[] then)
    {
        var doctor = new DemoDoctors(Random.Shared.Next()).Next("75", Today);
        var id = PractitionerStream.IdOf(doctor.Rpps!);
        await using var session = Store.LightweightSession();
        session.Events.StartStream<Practitioner>(id, [
            new RegisteredOnTableau(id, doctor.Rpps!, "75", doctor.LastName!, doctor.FirstName!, doctor.Specialty!, Today, Guid.NewGuid()),
            .. then.Select(e => e((id, doctor.Rpps!))),
        ]);
        await session.SaveChangesAsync();
        return doctor.Rpps!;
    }
}
