using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Ordre.Identity.Accounts;
using Ordre.Identity.Tokens;

namespace Ordre.Identity.Authorization;

/// <summary>
/// GET/POST /connect/authorize: the authorization-code flow with PKCE (S256 only) of the browser clients, first of
/// them the national council's dashboard (client <see cref="ClientSeeder.DashboardClientId"/>, issue 14). OpenIddict
/// has already checked the client, its redirect URI and the code challenge when this runs. There is no sign-in
/// session at the provider: a GET shows a minimal French sign-in form carrying the request's parameters in hidden
/// fields; its POST (with an antiforgery token bound to a cookie) checks the account as the password grant does and,
/// when right, issues the code with the same claims (<see cref="TokenEndpoint.IdentityOf"/>).
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";
    public const string UserNameField = "identifiant";
    public const string PasswordField = "mot_de_passe";

    public static async Task<IResult> Handle(HttpContext http, IOptionsSnapshot<DemoAccounts> accounts, IAntiforgery antiforgery)
    {
        // Outside demo mode the provider has no people's accounts and no authorization endpoint (ProviderSetup).
        if (http.GetOpenIddictServerRequest() is not { } request)
            return Results.Problem("La connexion par navigateur n'est ouverte qu'avec les comptes de démonstration.",
                statusCode: StatusCodes.Status404NotFound, title: "Ressource introuvable");

        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType || !http.Request.Form.ContainsKey(UserNameField))
            return Form(http, antiforgery, request, error: null, userName: null);

        if (!await antiforgery.IsRequestValidAsync(http))
            return Form(http, antiforgery, request, "Le formulaire a expiré ou ne vient pas de cette page : veuillez vous identifier à nouveau.", null, HttpStatusCode.BadRequest);

        var userName = http.Request.Form[UserNameField].ToString();
        var password = http.Request.Form[PasswordField].ToString();
        if (accounts.Value.Find(userName, password) is not { } account)
            return Form(http, antiforgery, request, "Identifiant ou mot de passe incorrect.", userName, HttpStatusCode.Unauthorized);

        var identity = TokenEndpoint.IdentityOf(account);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(TokenEndpoint.Audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, OpenIddictRequest request, string? error, string? userName,
        HttpStatusCode status = HttpStatusCode.OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Frame-Options"] = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        var hidden = new StringBuilder();
        // The request's own parameters, as received (query of the GET, form of a failed POST), go back in hidden fields.
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> received =
            http.Request.HasFormContentType ? http.Request.Form : http.Request.Query;
        foreach (var (name, values) in received)
        {
            if (name is UserNameField or PasswordField || name == tokens.FormFieldName) continue;
            foreach (var item in values)
                hidden.Append(CultureInvariant($"<input type=\"hidden\" name=\"{Html(name)}\" value=\"{Html(item)}\">"));
        }
        var alert = error is null ? "" : $"<p id=\"erreur\" class=\"erreur\" role=\"alert\">{Html(error)}</p>";
        var described = error is null ? "" : " aria-describedby=\"erreur\" aria-invalid=\"true\"";
        var html = $$"""
            <!doctype html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Connexion — Ordre des médecins</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1b1b1b; margin: 0; }
              main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
              h1 { font-size: 1.4rem; margin-top: 0; }
              label { display: block; margin-top: 1rem; font-weight: 600; }
              input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #595959; border-radius: .25rem; }
              input:focus, button:focus { outline: 3px solid #0a58ca; outline-offset: 2px; }
              button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; background: #00358e; color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
              .erreur { color: #a4000f; background: #fdecee; padding: .6rem; border-radius: .25rem; }
            </style>
            </head>
            <body>
            <main>
            <h1>Connexion à l’Ordre des médecins</h1>
            <p>Application : {{Html(request.ClientId ?? "")}}</p>
            {{alert}}
            <form method="post" action="authorize" autocomplete="on">
            {{hidden}}<input type="hidden" name="{{Html(tokens.FormFieldName)}}" value="{{Html(tokens.RequestToken ?? "")}}">
            <label for="identifiant">Identifiant</label>
            <input id="identifiant" name="{{UserNameField}}" type="text" autocomplete="username" required autofocus value="{{Html(userName ?? "")}}"{{described}}>
            <label for="mot_de_passe">Mot de passe</label>
            <input id="mot_de_passe" name="{{PasswordField}}" type="password" autocomplete="current-password" required{{described}}>
            <button type="submit">Se connecter</button>
            </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, (int)status);
    }

    private static string Html(string? value) => WebUtility.HtmlEncode(value ?? "");

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);
}
