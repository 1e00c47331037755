using Ordre.Dashboard.Page;
using Ordre.Dashboard.Registrations;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("dashboard", "Ordre — Tableau de bord national");
// Here, not in ServiceDefaults: the validation source generator registers the request types of the calling assembly.
builder.Services.AddValidation();
builder.AddMessaging("dashboard", bus => bus.AddRegistrationConsumers());
builder.AddEventStore("dashboard", store => store.AddRegistrations());

var app = builder.Build();
app.UseServiceDefaults();
app.MapRegistrations();
app.MapDashboardPage();
app.Run();

public partial class Program;
