using Ordre.Contracts.Conventions;
using Ordre.Conventions;
using Ordre.Conventions.Companies;
using Ordre.Conventions.Deadlines;
using Ordre.Conventions.Dossiers;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.Messaging;
using Ordre.ServiceDefaults.Rules;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("conventions", "Ordre — Conventions (IDAHE)");
builder.Services.AddRolePolicies(ConventionsPolicies.RolesAdmitted);
// Here, not in ServiceDefaults: the validation source generator registers the request types of the calling assembly.
builder.Services.AddValidation();
builder.AddMessaging("conventions");
builder.Services.AddTableauLookup(builder.Configuration);
builder.Services.AddCompanyCredentials(builder.Configuration);
builder.Services.AddSingleton<ConventionsDeadlines>().AddHostedService(sp => sp.GetRequiredService<ConventionsDeadlines>());
builder.AddEventStore("conventions", store => store.AddDossiers().AddCompanies())
    .PublishIntegrationEvents(DossiersModule.PublishDossierEvents);

var app = builder.Build();
app.UseServiceDefaults();
app.MapDossiers();
app.MapCompanies();
app.MapRules(ConventionsRules.Book, "Règles");
app.Run();


public partial class Program;
