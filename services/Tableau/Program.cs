using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.Messaging;
using Ordre.ServiceDefaults.Rules;
using Ordre.Tableau;
using Ordre.Tableau.Annuaire;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Lookup;
using Ordre.Tableau.Lps;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Importing;
using Ordre.Tableau.SpecialLists;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("tableau", "Ordre — Tableau de l'Ordre et annuaire");
builder.Services.AddRolePolicies(TableauPolicies.RolesAdmitted, TableauPolicies.ScopesRequired);
// Here, not in ServiceDefaults: the validation source generator registers the request types of the calling assembly.
builder.Services.AddValidation();
builder.AddMessaging("tableau", bus => bus.AddRegisterConsumers());
builder.Services.AddDeadlineSweeper().AddRegisterDeadlines().AddInscriptionDeadlines().AddLpsDeadlines().AddRegisterJurisdiction().AddInscriptionJurisdiction().AddNewDossierJurisdiction();
builder.Services.AddLookup();
builder.Services.AddFhirSubscriptions();
builder.AddEventStore("tableau", store => store.AddInscriptions().AddRegister().AddAnnuaire().AddLps().AddSpecialLists())
    .PublishIntegrationEvents(events =>
    {
        InscriptionsModule.PublishInscriptionEvents(events);
        RegisterModule.PublishRegisterEvents(events);
        LpsModule.PublishLpsEvents(events);
    })
    .PublishHeadcount();

var app = builder.Build();
if (ImportDemoRegisterCommand.Requested(args))
    return await ImportDemoRegisterCommand.RunAsync(app.Services, args);

app.UseServiceDefaults();
app.MapInscriptions();
app.MapRegister();
app.MapLookup();
app.MapLps();
app.MapSpecialLists();
app.MapAnnuaire();
app.MapRules(TableauRules.Book, "Tableau");
app.Run();
return 0;

public partial class Program;
