using Marten;
using Ordre.Contracts.Conventions;
using Ordre.Conventions.Companies.Activating;
using Ordre.Conventions.Companies.AddingUsers;
using Ordre.Conventions.Companies.Approving;
using Ordre.Conventions.Companies.Reading;
using Ordre.Conventions.Companies.Refusing;
using Ordre.Conventions.Companies.RemovingUsers;
using Ordre.Conventions.Companies.Requesting;
using Ordre.Conventions.Companies.Reviewing;
using Ordre.ServiceDefaults.Audit;

namespace Ordre.Conventions.Companies;

/// <summary>Company accounts (DOMAIN §4.1): requested, approved by the national council, activated, their users added and removed.</summary>
public static class CompaniesModule
{
    public const string CompanyRecord = "company-account";

    public static StoreOptions AddCompanies(this StoreOptions options)
    {
        options.AddAggregateStream<Company>();
        options.Schema.For<Company>().Index(c => c.Status).Index(c => c.Identifier);
        options.Schema.For<CompanyIdentifierTaken>();
        return options;
    }

    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder app)
    {
        var companies = app.MapGroup("/companies").WithTags("Comptes d'entreprise");
        companies.MapPost("/", RequestCompanyAccountEndpoint.Handle).RequireAuthorization(OrdrePolicies.Public)
            .WithName("RequestCompanyAccount").WithSummary("Demander un compte d'entreprise (sans jeton) : SIREN ou, à l'étranger, pays et numéro d'immatriculation")
            .WithDescription("Répond l'identifiant du compte et un code d'activation, donné une seule fois : l'administrateur l'utilise après l'approbation " +
                             "du Conseil national. Une entreprise dont un compte est demandé ou ouvert reçoit 409.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        companies.MapPost("/{id:guid}/activation", ActivateAdministratorEndpoint.Handle).RequireAuthorization(OrdrePolicies.Public)
            .WithName("ActivateCompanyAccount").WithSummary("Activer un compte approuvé avec son code (sans jeton) : identifiants de l'administrateur, donnés une fois")
            .WithDescription("Répond client_id et client_secret pour obtenir un jeton (grant_type=client_credentials). Un code faux, déjà utilisé ou " +
                             "présenté avant l'approbation reçoit la même réponse 403. Si le fournisseur d'identité ne répond pas (503), renvoyer la même requête.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var secured = companies.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        secured.MapGet("/", ListCompanyAccountsEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("ListCompanyAccounts").Audited(CompanyRecord)
            .WithSummary("Demandes et comptes d'entreprise, les plus anciens d'abord, par état et par page (Conseil national)")
            .ProducesValidationProblem();
        secured.MapGet("/{id:guid}", GetCompanyEndpoint.Handle).RequireAuthorization(ConventionsPolicies.CompanyAccountReaders)
            .WithName("GetCompanyAccount").Audited(CompanyRecord)
            .WithSummary("Lire un compte d'entreprise et ses utilisateurs (son administrateur, le Conseil national)")
            .WithDescription("Le compte d'une autre entreprise répond 404 : son existence n'est pas révélée.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        secured.MapPost("/{id:guid}/approval", ApproveCompanyAccountEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("ApproveCompanyAccount").WithSummary("Approuver une demande de compte d'entreprise (Conseil national)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        secured.MapPost("/{id:guid}/refusal", RefuseCompanyAccountEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("RefuseCompanyAccount").WithSummary("Refuser une demande de compte d'entreprise, motifs à l'appui (Conseil national)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        secured.MapPost("/{id:guid}/users", AddCompanyUserEndpoint.Handle).RequireAuthorization(ConventionsPolicies.CompanyAdministrator)
            .WithName("AddCompanyUser").WithSummary("Ajouter un utilisateur au compte (son administrateur) : ses identifiants, donnés une fois")
            .WithDescription("Si le fournisseur d'identité ne répond pas (503), renvoyer la même requête : les identifiants sont alors créés.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        secured.MapDelete("/{id:guid}/users/{userId:guid}", RemoveCompanyUserEndpoint.Handle).RequireAuthorization(ConventionsPolicies.CompanyAdministrator)
            .WithName("RemoveCompanyUser").WithSummary("Retirer un utilisateur du compte (son administrateur) : ses identifiants sont supprimés")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
