using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ordre.Contracts.Access;
using Ordre.ServiceDefaults.Auth;
using Ordre.Testing;

namespace Ordre.Conventions.Tests;

/// <summary>Conventions in process on a fake clock, its own database and virtual host (see <see cref="ServiceInProcess{TEntryPoint}"/>).</summary>
public class ConventionsInProcess : ServiceInProcess<Program>
{
    protected override string Name => "conventions";

    // Nothing here calls the Tableau (the system tests do); the address only has to be set.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Tableau:Grpc"] = "http://127.0.0.1:9/" };
}

/// <summary>
/// The same, its HTTP endpoints called as a company: the header <c>X-Test-Company</c> (a SIREN) stands for the company's
/// token (the tokens themselves are exercised through the gateway by the system tests).
/// </summary>
public sealed class ConventionsInProcessForCompanies : ConventionsInProcess
{
    public const string Header = "X-Test-Company";

    public HttpClient ClientFor(string company)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(Header, company);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddAuthentication(CompanyHeader.Name)
            .AddScheme<AuthenticationSchemeOptions, CompanyHeader>(CompanyHeader.Name, _ => { }));
    }

    private sealed class CompanyHeader(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "TestCompany";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[Header].ToString() is not { Length: > 0 } company)
                return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity(
                [new Claim(OrdreClaims.Subject, "user-" + company), new Claim(OrdreClaims.Role, Roles.Company), new Claim(OrdreClaims.CompanyId, company)],
                Name, OrdreClaims.Subject, OrdreClaims.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
