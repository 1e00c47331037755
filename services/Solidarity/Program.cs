using Ordre.Contracts.Solidarity;
using Ordre.ServiceDefaults;
using Ordre.ServiceDefaults.Messaging;
using Ordre.ServiceDefaults.Rules;
using Ordre.Solidarity;
using Ordre.Solidarity.Entraide;
using Ordre.Solidarity.Helpline;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Loans;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("solidarity", "Ordre — Solidarité financière");
builder.Services.AddRolePolicies(SolidarityPolicies.RolesAdmitted);
// Here, not in ServiceDefaults: the validation source generator registers the request types of the calling assembly.
builder.Services.AddValidation();
builder.AddMessaging("solidarity");
builder.Services.AddLedger().AddLoans().AddEntraide(builder.Configuration);
builder.AddEventStore("solidarity", store => store.AddLedger().AddLoans().AddEntraide().AddHelpline())
    .PublishIntegrationEvents(map => LedgerModule.PublishLedgerEvents(map.PublishLoanEvents().PublishEntraideEvents().PublishHelplineEvents()));

var app = builder.Build();
app.UseServiceDefaults();
app.MapLedger();
app.MapLoans();
app.MapEntraide();
app.MapHelpline();
app.MapRules(SolidarityRules.Book, "Règles");
app.Run();


public partial class Program;
