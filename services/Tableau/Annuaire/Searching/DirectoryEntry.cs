using System.Globalization;
using System.Text;
using JasperFx.Events;
using Marten.Events.Projections;
using Ordre.Tableau.Inscriptions.Deciding;

namespace Ordre.Tableau.Annuaire.Searching;

/// <summary>A doctor as the public directory shows them (DOMAIN.md §2.6). Keyed by RPPS.</summary>
public sealed record DirectoryEntry(
    string Id,
    string LastName,
    string FirstName,
    string Department,
    string Specialty,
    DateOnly RegisteredOn,
    string SearchName)
{
    public string Rpps => Id;

    /// <summary>Lower case without accents, so "Élodie Lefèvre" is found by "elodie lefevre".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

/// <summary>
/// Builds the directory from the register's events, asynchronously (run by the daemon's leader).
/// Deterministic: it reads event data only.
/// </summary>
public sealed partial class DirectoryEntryProjection : EventProjection
{
    public DirectoryEntry Create(IEvent<InscriptionGranted> e) => new(
        e.Data.Rpps, e.Data.LastName, e.Data.FirstName, e.Data.Department, e.Data.Specialty, e.Data.GrantedOn,
        DirectoryEntry.Normalize($"{e.Data.LastName} {e.Data.FirstName}"));
}
