using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;
using Ordre.Discipline.Deadlines;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("discipline", "Ordre — Discipline");
builder.AddMessaging("discipline");
builder.Services.AddTableauLookup(builder.Configuration);
builder.Services.AddSingleton<DisciplineDeadlines>().AddHostedService(sp => sp.GetRequiredService<DisciplineDeadlines>());
builder.AddEventStore("discipline", store => store.AddComplaints().AddChambers())
    .PublishIntegrationEvents(ChambersModule.PublishSanctions);

var app = builder.Build();
app.UseServiceDefaults();
app.MapComplaints();
app.MapChambers();
app.Run();


public partial class Program;
