using System.Globalization;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>Numbers in a message a person reads, written as in French: « 10 000 000 », not « 10,000,000 ».</summary>
public static class FrenchNumbers
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A whole amount with its thousands separated (a narrow no-break space, as French typography has it).</summary>
    public static string Whole(decimal value) => value.ToString("N0", French);
}
