using System.Reflection;
using Ordre.Conventions.Companies;
using Ordre.Conventions.Companies.Activating;
using Ordre.Conventions.Companies.AddingUsers;
using Ordre.Conventions.Companies.Approving;
using Ordre.Conventions.Companies.Refusing;
using Ordre.Conventions.Companies.RemovingUsers;
using Ordre.Conventions.Companies.Requesting;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Conventions.Tests;

/// <summary>Company accounts' rules as pure functions (DOMAIN §4.1, §9): request, approval or refusal, activation once, users.</summary>
public class CompanyAccountRules
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private const string Code = "code-d-activation-1234";
    private static readonly Guid CompanyId = Guid.CreateVersion7(), AdministratorId = Guid.CreateVersion7();

    private static RequestCompanyAccount Request(string identifier = "552100554", string? country = null, string email = "admin@exemple.fr") =>
        new("Laboratoires Exemple SA", country, identifier, new AdministratorRequest("Claire Dubois", email));

    private static Company Requested() =>
        Company.Create((CompanyAccountRequested)Accepted(RequestCompanyAccountEndpoint.Decide(Request(), CompanyId, AdministratorId, CompanyCredentials.HashOf(Code), Today))[0]);

    private static Company Then(Company company, Outcome outcome) => Accepted(outcome).Aggregate(company, Evolution<Company>.Apply);

    private static Company Approved() => Then(Requested(), ApproveCompanyAccountEndpoint.Decide(Requested(), Today, "cnom"));

    private static Company Activated()
    {
        var approved = Approved();
        var activated = Then(approved, ActivateAdministratorEndpoint.Decide(approved, Code, Today));
        return Evolution<Company>.Apply(activated, new CompanyCredentialsIssued(CompanyId, AdministratorId, activated.Administrator.ClientId, Today));
    }

    private static object[] Accepted(Outcome outcome) => Assert.IsType<Outcome.Accepted>(outcome).Events;

    [Fact]
    public void A_request_keeps_only_the_hash_of_the_activation_code_and_names_the_company_by_its_siren()
    {
        var requested = (CompanyAccountRequested)Accepted(RequestCompanyAccountEndpoint.Decide(
            Request("552 100 554 00013"), CompanyId, AdministratorId, CompanyCredentials.HashOf(Code), Today))[0];
        Assert.Equal("552100554", requested.Identifier);
        Assert.DoesNotContain(Code, requested.ToString());
        Assert.True(CompanyCredentials.Matches(Code, requested.ActivationCodeHash));
    }

    [Theory]
    [InlineData("552100555", null)]
    [InlineData("DE123", "XX")]
    public void A_request_with_an_invalid_identifier_is_refused_naming_the_field(string identifier, string? country) =>
        Assert.Contains("identifier", Assert.IsType<Outcome.Invalid>(RequestCompanyAccountEndpoint.Decide(
            Request(identifier, country), CompanyId, AdministratorId, "h", Today)).Errors.Keys);

    [Fact]
    public void A_request_needs_the_administrators_email() =>
        Assert.Contains("administrator.email", Assert.IsType<Outcome.Invalid>(RequestCompanyAccountEndpoint.Decide(
            Request(email: "pas-une-adresse"), CompanyId, AdministratorId, "h", Today)).Errors.Keys);

    [Fact]
    public void A_foreign_company_is_named_by_its_country_and_registration_number() =>
        Assert.Equal("IT:IT12345678901", ((CompanyAccountRequested)Accepted(RequestCompanyAccountEndpoint.Decide(
            Request("IT12345678901", "IT"), CompanyId, AdministratorId, "h", Today))[0]).Identifier);

    [Fact]
    public void Approving_twice_changes_nothing_and_a_refused_request_is_not_approved()
    {
        Assert.Empty(Accepted(ApproveCompanyAccountEndpoint.Decide(Approved(), Today, "cnom")));
        var refused = Then(Requested(), RefuseCompanyAccountEndpoint.Decide(Requested(), new RefuseCompanyAccount("Hors champ."), Today, "cnom"));
        Assert.Equal(CompanyAccountStatus.Refused, refused.Status);
        Assert.IsType<Outcome.NotAllowed>(ApproveCompanyAccountEndpoint.Decide(refused, Today, "cnom"));
    }

    [Fact]
    public void A_refusal_gives_its_reasons_and_frees_the_identifier()
    {
        Assert.IsType<Outcome.Invalid>(RefuseCompanyAccountEndpoint.Decide(Requested(), new RefuseCompanyAccount(" "), Today, "cnom"));
        var refused = (CompanyAccountRefused)Accepted(RefuseCompanyAccountEndpoint.Decide(Requested(), new RefuseCompanyAccount("Hors champ."), Today, "cnom"))[0];
        Assert.Equal(("552100554", "Hors champ."), (refused.Identifier, refused.Reasons));
        Assert.IsType<Outcome.NotAllowed>(RefuseCompanyAccountEndpoint.Decide(Approved(), new RefuseCompanyAccount("Trop tard."), Today, "cnom"));
    }

    [Fact]
    public void An_account_is_activated_only_after_its_approval_and_with_its_code()
    {
        Assert.IsType<Outcome.NotAllowed>(ActivateAdministratorEndpoint.Decide(Requested(), Code, Today));
        Assert.IsType<Outcome.NotAllowed>(ActivateAdministratorEndpoint.Decide(Approved(), Code + "x", Today));
        Assert.IsType<Outcome.NotAllowed>(ActivateAdministratorEndpoint.Decide(Approved(), null, Today));
        Assert.IsType<CompanyAdministratorActivated>(Assert.Single(Accepted(ActivateAdministratorEndpoint.Decide(Approved(), Code, Today))));
    }

    [Fact]
    public void The_code_activates_once_its_credentials_handed_over_but_a_retry_before_that_provisions_them_again()
    {
        var approved = Approved();
        var activatedNotIssued = Then(approved, ActivateAdministratorEndpoint.Decide(approved, Code, Today));
        Assert.Empty(Accepted(ActivateAdministratorEndpoint.Decide(activatedNotIssued, Code, Today)));
        var refusal = Assert.IsType<Outcome.NotAllowed>(ActivateAdministratorEndpoint.Decide(Activated(), Code, Today));
        Assert.Equal(ActivateAdministratorEndpoint.Refusal, refusal.Reason);
    }

    [Fact]
    public void Users_are_added_to_an_activated_account_once_per_email()
    {
        Assert.IsType<Outcome.NotAllowed>(AddCompanyUserEndpoint.Decide(Approved(), new AddCompanyUser("Marc Petit", "m.petit@exemple.fr"), Guid.CreateVersion7(), Today, "admin"));
        var userId = Guid.CreateVersion7();
        var added = Assert.IsType<CompanyUserAdded>(Assert.Single(Accepted(AddCompanyUserEndpoint.Decide(Activated(), new AddCompanyUser("Marc Petit", "m.petit@exemple.fr"), userId, Today, "admin"))));
        Assert.Equal(CompanyCredentials.ClientIdOf(userId), added.ClientId);
        var withUser = Evolution<Company>.Apply(Activated(), added);
        // Not yet handed over (the provider failed): the same e-mail again provisions that user, no second user.
        Assert.Empty(Accepted(AddCompanyUserEndpoint.Decide(withUser, new AddCompanyUser("Marc Petit", "M.Petit@exemple.fr"), Guid.CreateVersion7(), Today, "admin")));
        var issued = Evolution<Company>.Apply(withUser, new CompanyCredentialsIssued(CompanyId, userId, added.ClientId, Today));
        Assert.IsType<Outcome.NotAllowed>(AddCompanyUserEndpoint.Decide(issued, new AddCompanyUser("Marc Petit", "m.petit@exemple.fr"), Guid.CreateVersion7(), Today, "admin"));
        Assert.IsType<Outcome.NotAllowed>(AddCompanyUserEndpoint.Decide(issued, new AddCompanyUser("Claire", "admin@exemple.fr"), Guid.CreateVersion7(), Today, "admin"));
        Assert.IsType<Outcome.Invalid>(AddCompanyUserEndpoint.Decide(issued, new AddCompanyUser("", "x"), Guid.CreateVersion7(), Today, "admin"));
    }

    [Fact]
    public void A_user_is_removed_once_and_the_administrator_is_never_removed()
    {
        var userId = Guid.CreateVersion7();
        var company = Evolution<Company>.Apply(Activated(), new CompanyUserAdded(CompanyId, userId, "Marc Petit", "m@exemple.fr", CompanyCredentials.ClientIdOf(userId), Today, "admin"));
        var removed = Then(company, RemoveCompanyUserEndpoint.Decide(company, userId, Today, "admin"));
        Assert.True(removed.Users.Single(u => u.UserId == userId).Removed);
        Assert.Empty(Accepted(RemoveCompanyUserEndpoint.Decide(removed, userId, Today, "admin")));
        Assert.IsType<Outcome.NotAllowed>(RemoveCompanyUserEndpoint.Decide(removed, AdministratorId, Today, "admin"));
        Assert.Equal(RemoveCompanyUserEndpoint.UnknownUser, Assert.IsType<Outcome.NotAllowed>(RemoveCompanyUserEndpoint.Decide(removed, Guid.CreateVersion7(), Today, "admin")).Reason);
        // Removed, the same e-mail may be added again as a new user.
        Assert.Single(Accepted(AddCompanyUserEndpoint.Decide(removed, new AddCompanyUser("Marc Petit", "m@exemple.fr"), Guid.CreateVersion7(), Today, "admin")));
    }

    [Fact]
    public void Every_event_of_a_company_is_marked_and_applied_by_the_company()
    {
        var marked = Evolution<Company>.MarkedEvents(typeof(Company).Assembly);
        Assert.Equal(7, marked.Count);
        Assert.All(marked, e => Assert.True(Evolution<Company>.Handles(e), $"Company has no Apply({e.Name}) nor Create({e.Name})."));
        var applied = typeof(Company).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name is "Apply" or "Create" && m.GetParameters().Length == 1).Select(m => m.GetParameters()[0].ParameterType);
        Assert.All(applied, e => Assert.Contains(e, marked));
    }
}
