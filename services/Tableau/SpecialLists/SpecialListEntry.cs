using System.Security.Cryptography;
using System.Text;
using Ordre.Tableau.SpecialLists.JuniorDoctors;
using Ordre.Tableau.SpecialLists.PractisingAbroad;

namespace Ordre.Tableau.SpecialLists;

/// <summary>
/// The lists kept beside the Tableau (DOMAIN.md §2.3): junior doctors (docteurs juniors, R.6153-1 et s.),
/// registered by the departmental council, and doctors practising abroad, kept by the national council.
/// Neither is in the public directory.
/// </summary>
public enum SpecialList { JuniorDoctors, PractisingAbroad }

public sealed record SpecialListEntry(
    Guid Id, SpecialList List, string Rpps, string LastName, string FirstName, string? Department, string? Specialty,
    string? Country, DateOnly From, DateOnly? Until)
{
    public static SpecialListEntry Create(JuniorDoctorRegistered e) =>
        new(e.EntryId, SpecialList.JuniorDoctors, e.Rpps, e.LastName, e.FirstName, e.Department, e.Specialty, null, e.From, e.Until);

    public static SpecialListEntry Create(PractisingAbroadRegistered e) =>
        new(e.EntryId, SpecialList.PractisingAbroad, e.Rpps, e.LastName, e.FirstName, null, null, e.Country, e.From, null);

    /// <summary>One entry per list and RPPS: the stream id derives from both, so a second registration collides (409).</summary>
    public static Guid IdOf(SpecialList list, string rpps)
    {
        var hash = SHA1.HashData(Encoding.ASCII.GetBytes($"ordre:tableau:special-list:{list}:{rpps}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
