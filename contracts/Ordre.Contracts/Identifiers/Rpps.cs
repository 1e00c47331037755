namespace Ordre.Contracts.Identifiers;

/// <summary>
/// The RPPS number: 11 digits whose last one is a Luhn key over the whole number (DOMAIN.md §9).
/// The Luhn check is rule data (<see cref="LuhnKeyRequired"/>) because no official specification confirms it.
/// </summary>
public static class Rpps
{
    public const bool LuhnKeyRequired = true;

    public static bool IsValid(string? value) =>
        value is { Length: 11 } && value.All(char.IsAsciiDigit) && (!LuhnKeyRequired || HasValidLuhnKey(value));

    public static bool HasValidLuhnKey(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
