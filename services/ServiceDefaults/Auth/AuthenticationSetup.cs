using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// JWT bearer validation against the configured OpenID Connect provider. Replacing the development
/// provider by the national health identity providers is configuration only (section "Identity").
/// </summary>
public static class AuthenticationSetup
{
    public static IHostApplicationBuilder AddOrdreAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        var authority = section["Authority"]
            ?? throw new InvalidOperationException("Configuration 'Identity:Authority' is required (URL of the OpenID Connect provider).");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = section["Audience"] ?? "ordre-api";
                options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", false);
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = section["NameClaimType"] ?? OrdreClaims.Name,
                    RoleClaimType = section["RoleClaimType"] ?? OrdreClaims.Role,
                    ValidIssuer = section["Issuer"] ?? authority.TrimEnd('/') + "/",
                };
                // The provider may restart with the same keys loaded from its database; refresh metadata
                // quickly when an unknown key id shows up.
                options.RefreshOnIssuerKeyNotFound = true;
            });

        builder.Services.AddAuthorization(options => options.AddOrdrePolicies());
        return builder;
    }
}
