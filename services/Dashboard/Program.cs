using Ordre.Contracts.Dashboard;
using Ordre.Dashboard;
using Ordre.Dashboard.Figures;
using Ordre.Dashboard.Page;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("dashboard", "Ordre — Tableau de bord national");
builder.Services.AddRolePolicies(DashboardPolicies.RolesAdmitted);
// Here, not in ServiceDefaults: the validation source generator registers the request types of the calling assembly.
builder.Services.AddValidation();
builder.AddMessaging("dashboard", bus => bus.AddDashboardConsumers());
builder.Services.AddDashboard();
builder.AddEventStore("dashboard", store => store.AddDashboardStore());

var app = builder.Build();
if (RebuildCommand.Requested(args))
    return await RebuildCommand.RunAsync(app.Services);

app.UseServiceDefaults();
app.MapDashboard();
app.MapDashboardPage();
app.Run();
return 0;

public partial class Program;
