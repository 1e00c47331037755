namespace Ordre.Discipline.CaseLaw;

public static class CaseLawText
{
    /// <summary>NUL and other control characters: PostgreSQL refuses NUL in text, and none belongs in a sheet or a query.</summary>
    public static bool HasControlCharacters(string text, bool allowLineBreaks) =>
        text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}
