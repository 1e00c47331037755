using Ordre.Contracts.Discipline;
using Ordre.Discipline.CaseLaw;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;
using Ordre.Discipline;
using Ordre.Discipline.Deadlines;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.Messaging;
using Ordre.ServiceDefaults.Rules;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("discipline", "Ordre — Discipline");
builder.Services.AddRolePolicies(DisciplinePolicies.RolesAdmitted);
// Here, not in ServiceDefaults: the validation source generator registers the request types of the calling assembly.
builder.Services.AddValidation();
builder.AddMessaging("discipline");
builder.Services.AddTableauLookup(builder.Configuration).AddComplaintJurisdiction().AddNewComplaintJurisdiction().AddCaseJurisdiction();
builder.Services.AddSingleton<DisciplineDeadlines>().AddHostedService(sp => sp.GetRequiredService<DisciplineDeadlines>());
builder.AddEventStore("discipline", store => store.AddComplaints().AddChambers().AddCaseLaw())
    .PublishIntegrationEvents(map =>
    {
        ChambersModule.PublishSanctions(map);
        ChambersModule.PublishPipeline(map);
        ComplaintsModule.PublishComplaints(map);
        CaseLawModule.PublishSheets(map);
    });

var app = builder.Build();
app.UseServiceDefaults();
app.MapComplaints();
app.MapChambers();
app.MapCaseLaw();
// GET /rules (GET /discipline/rules through the gateway): the deadlines, durations and thresholds applied, with their articles.
app.MapRules(DisciplineRules.Book, "Règles");
app.Run();


public partial class Program;
