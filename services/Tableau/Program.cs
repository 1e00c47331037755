using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Annuaire;
using Ordre.Tableau.Inscriptions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("tableau", "Ordre — Tableau de l'Ordre et annuaire");
builder.AddMessaging("tableau");
builder.AddEventStore("tableau", store => store.AddInscriptions().AddAnnuaire())
    .PublishIntegrationEvents(InscriptionsModule.PublishInscriptionEvents);

var app = builder.Build();
app.UseServiceDefaults();
app.MapInscriptions();
app.MapAnnuaire();
app.Run();

public partial class Program;
