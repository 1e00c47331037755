using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;
using Task = System.Threading.Tasks.Task;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The system's central promise: a final disciplinary decision reaches the register over the bus, and the public
/// directory (and its FHIR form) hides the doctor for the ban's period only. The Tableau is restarted with its clock
/// moved (Clock:ShiftDays) to see the ban start and end, then put back on today.
/// </summary>
[Collection(SystemCollection.Name)]
public class SanctionsInTheDirectoryThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_banned_doctor_leaves_the_directory_on_the_ban_first_day_and_comes_back_after_its_last()
    {
        var doctor = await system.GrantedInscription();
        await system.VisibleInDirectory(doctor, true);

        var caseId = await system.FinalBan(doctor, banMonths: 1);
        using var paris = await system.HttpClientFor("cdom75");
        await Eventually.Until(() => paris.GetFromJsonAsync<Entry>($"/tableau/register/{doctor.Rpps}"),
            e => e?.Sanctions.Any(s => s.SanctionId == caseId && s.Pending) == true, what: "ban recorded, starting tomorrow");
        await system.VisibleInDirectory(doctor, true);

        try
        {
            await system.RestartTableauAsync(clockShiftDays: 1);
            await system.VisibleInDirectory(doctor, false);
            Assert.Empty((await Fhir().SearchAsync<Practitioner>([$"identifier={FhirSystem}|{doctor.Rpps}"]))!.Entry);
            Assert.Equal("Banned", (await paris.GetFromJsonAsync<Entry>($"/tableau/register/{doctor.Rpps}"))!.Status);

            await system.RestartTableauAsync(clockShiftDays: 40);
            await system.VisibleInDirectory(doctor, true);
            Assert.Single((await Fhir().SearchAsync<Practitioner>([$"identifier={FhirSystem}|{doctor.Rpps}"]))!.Entry);
        }
        finally
        {
            await system.RestartTableauAsync();
        }
    }

    private FhirClient Fhir() => system.FhirClient();


    private sealed record Sanction(Guid SanctionId, bool Pending);
    private sealed record Entry(string Status, IReadOnlyList<Sanction> Sanctions);
}
