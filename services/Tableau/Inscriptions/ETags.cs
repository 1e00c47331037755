namespace Ordre.Tableau.Inscriptions;

/// <summary>A dossier's ETag is its stream version in quotes; If-Match sends it back for optimistic concurrency.</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version}\"";

    public static bool TryParse(string header, out long version) =>
        long.TryParse(header.Trim().TrimStart('W', '/').Trim('"'), out version) && version > 0;
}
