using Ordre.Discipline.Complaints;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("discipline", "Ordre — Discipline");
builder.AddMessaging("discipline");
builder.Services.AddTableauLookup(builder.Configuration);
builder.AddEventStore("discipline", store => store.AddComplaints());

var app = builder.Build();
app.UseServiceDefaults();
app.MapComplaints();
app.Run();

public partial class Program;
