using System.Security.Cryptography;

namespace Ordre.Discipline.CaseLaw;

/// <summary>Public references of the case-law base: random, so they reveal neither an internal id nor an order.</summary>
public static class CaseLawReference
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I

    public static string NewDecision() => "JP-" + RandomNumberGenerator.GetString(Alphabet, 8);

    public static string Sheet(string decision, int number) => $"{decision}-{number}";

    /// <summary>The shape of a sheet's reference, checked before any lookup.</summary>
    public static bool IsWellFormed(string reference) =>
        reference.Length is > 12 and <= 16 && reference.StartsWith("JP-", StringComparison.Ordinal)
        && reference[3..11].All(Alphabet.Contains) && reference[11] == '-' && reference[12..].All(char.IsAsciiDigit);
}
