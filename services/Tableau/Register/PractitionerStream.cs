using System.Security.Cryptography;
using System.Text;

namespace Ordre.Tableau.Register;

/// <summary>
/// A doctor's register entry is one stream whose id derives from the RPPS number (a name-based,
/// version-5-style GUID), so every service-side lookup by RPPS finds it without an index.
/// </summary>
public static class PractitionerStream
{
    public static Guid IdOf(string rpps)
    {
        var hash = SHA1.HashData(Encoding.ASCII.GetBytes("ordre:tableau:rpps:" + rpps));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
