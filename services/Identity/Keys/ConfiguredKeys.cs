using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Ordre.Identity.Hosting;

namespace Ordre.Identity.Keys;

/// <summary>
/// The provider's keys from configuration (<c>Identity:SigningKeys</c>, <c>Identity:EncryptionKeys</c>): a list whose
/// entries are each a path to a PEM file, an inline PEM private key, or base64 of either a PEM or a DER (PKCS#8 or
/// PKCS#1) private key. The first key signs (or encrypts); the others stay published in the JWKS (or keep decrypting)
/// so that a rotation overlaps (docs/security.md, "Keys and secrets"). Signing keys are RSA (RS256, 2048 bits or more)
/// or EC P-256/P-384/P-521; encryption keys are RSA. Key ids are RFC 7638 thumbprints: stable across restarts and
/// replicas. Values are never echoed in errors: they may be the secret itself.
/// </summary>
public static class ConfiguredKeys
{
    public const string SigningKeysKey = "Identity:SigningKeys";
    public const string EncryptionKeysKey = "Identity:EncryptionKeys";
    private const int MinimumRsaBits = 2048;

    /// <summary>The configured keys in order (empty when none). Throws <see cref="StartupRefused"/> on a bad entry.</summary>
    public static IReadOnlyList<SecurityKey> Read(IConfiguration configuration, string key, bool signing)
    {
        var section = configuration.GetSection(key);
        // A list (Identity__SigningKeys__0, __1…) or a single value (Identity__SigningKeys=/path/to/key.pem).
        var entries = section.GetChildren().Any()
            ? section.GetChildren().Select(c => (Name: $"{key}:{c.Key}", Value: c.Value))
            : [(Name: key, Value: section.Value)];
        var keys = new List<SecurityKey>();
        foreach (var (name, value) in entries)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            keys.Add(Load(name, value.Trim(), signing));
        }
        if (keys.Select(k => k.KeyId).Distinct().Count() != keys.Count)
            throw new StartupRefused($"{key} lists the same key twice.");
        return keys;
    }

    private static SecurityKey Load(string name, string value, bool signing)
    {
        var pem = PemOf(name, value, out var der);
        try
        {
            SecurityKey key = pem is not null ? FromPem(pem, signing) : FromDer(der!, signing);
            key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());
            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or NotSupportedException)
        {
            throw new StartupRefused($"{name} is not a usable {(signing ? "signing" : "encryption")} private key " +
                $"({(signing ? "RSA or EC" : "RSA")}, unencrypted PKCS#8 or PKCS#1): {e.Message}");
        }
    }

    /// <summary>The PEM text of the entry, or null with its DER bytes.</summary>
    private static string? PemOf(string name, string value, out byte[]? der)
    {
        der = null;
        if (value.StartsWith("-----BEGIN", StringComparison.Ordinal)) return value;
        if (LooksLikePath(value))
        {
            if (!File.Exists(value))
                throw new StartupRefused($"{name} names a key file that does not exist or cannot be read.");
            var text = File.ReadAllText(value).Trim();
            return text.StartsWith("-----BEGIN", StringComparison.Ordinal) ? text
                : throw new StartupRefused($"{name} names a file that does not hold a PEM private key.");
        }
        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, bytes, out var length))
            throw new StartupRefused($"{name} is neither an existing file, a PEM private key nor base64 of one.");
        var decoded = System.Text.Encoding.UTF8.GetString(bytes, 0, length).Trim();
        if (decoded.StartsWith("-----BEGIN", StringComparison.Ordinal)) return decoded;
        der = bytes[..length];
        return null;
    }

    // A file path has a directory separator and no whitespace; base64 may contain '/', so test for the file too.
    private static bool LooksLikePath(string value) =>
        value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
        || (value.Contains('/') && File.Exists(value));

    private static SecurityKey FromPem(string pem, bool signing)
    {
        if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            throw new ArgumentException("password-protected keys are not supported; store the key itself in the secret store");
        if (!pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
            throw new ArgumentException("the PEM holds no private key");
        if (signing && pem.Contains("BEGIN EC PRIVATE KEY", StringComparison.Ordinal))
            return Ec(ec => ec.ImportFromPem(pem));
        try
        {
            return Rsa(rsa => rsa.ImportFromPem(pem));
        }
        catch (CryptographicException) when (signing)
        {
            return Ec(ec => ec.ImportFromPem(pem)); // a PKCS#8 EC key
        }
    }

    private static SecurityKey FromDer(byte[] der, bool signing)
    {
        try
        {
            return Rsa(rsa => rsa.ImportPkcs8PrivateKey(der, out _));
        }
        catch (CryptographicException)
        {
            try
            {
                return Rsa(rsa => rsa.ImportRSAPrivateKey(der, out _));
            }
            catch (CryptographicException) when (signing)
            {
                return Ec(ec => ec.ImportPkcs8PrivateKey(der, out _));
            }
        }
    }

    private static RsaSecurityKey Rsa(Action<RSA> import)
    {
        var rsa = RSA.Create();
        import(rsa);
        if (rsa.KeySize < MinimumRsaBits)
            throw new ArgumentException($"the RSA key has {rsa.KeySize} bits, at least {MinimumRsaBits} are required");
        return new RsaSecurityKey(rsa);
    }

    private static ECDsaSecurityKey Ec(Action<ECDsa> import)
    {
        var ec = ECDsa.Create();
        import(ec);
        return new ECDsaSecurityKey(ec);
    }
}
