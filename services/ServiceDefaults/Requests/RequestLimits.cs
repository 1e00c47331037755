using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Ordre.ServiceDefaults.Requests;

/// <summary>
/// Length limits of request bodies. Put them on the property (<c>[property: MaxText(TextLimits.Name)]</c> on a
/// record's parameter): .NET's minimal-API validation (AddValidation) checks them before the handler runs and
/// answers 400 with the field, and the OpenAPI document shows them as maxLength / maxItems (it reads the
/// property's attributes, not the constructor parameter's).
/// </summary>
public static class TextLimits
{
    /// <summary>Codes and identifiers: RPPS, department, postal code, phone, region.</summary>
    public const int Code = 20;
    /// <summary>A person's or a body's name, a country.</summary>
    public const int Name = 100;
    /// <summary>A short line: an address line, a city, a title, a qualification, a diploma.</summary>
    public const int Line = 200;
    /// <summary>A free text: a reason, an opinion, a conclusion, a summary.</summary>
    public const int Text = 4000;
    /// <summary>The longest list a request carries.</summary>
    public const int Items = 50;
}

/// <summary>A text of at most <paramref name="length"/> characters (maxLength in the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MaxTextAttribute(int length) : MaxLengthAttribute(length)
{
    public override string FormatErrorMessage(string name) => $"{Length} caractères au plus.";
}

/// <summary>
/// A list of at most <paramref name="count"/> texts of at most <paramref name="itemLength"/> characters each
/// (maxItems, and items.maxLength, in the OpenAPI document).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MaxItemsAttribute(int count, int itemLength) : MaxLengthAttribute(count)
{
    public int ItemLength { get; } = itemLength;

    public override bool IsValid(object? value) =>
        base.IsValid(value)
        && (value is not IEnumerable items || items.OfType<string>().All(item => item.Length <= ItemLength));

    public override string FormatErrorMessage(string name) => $"{Length} éléments au plus, de {ItemLength} caractères au plus chacun.";
}
