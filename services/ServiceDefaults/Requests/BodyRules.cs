using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ordre.ServiceDefaults.Requests;

/// <summary>A request body's field that JSON alone cannot refuse: a null where none is allowed, an absurd date.</summary>
public sealed class InvalidBodyFieldException(string field, string message) : JsonException(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Rules every request body of our services obeys, checked as it is read (a JSON contract modifier on our own
/// types, so no endpoint can forget them and the OpenAPI schemas stay as they are):
/// no null inside a list, no null in a field declared non-nullable, no NUL character in a text, and business dates between
/// <see cref="Earliest"/> and <see cref="Latest"/> (so no date arithmetic on 0001-01-01 or 9999-12-31 can overflow).
/// A breach is a 400 problem naming the field (see ExceptionToProblem).
/// </summary>
public static class BodyRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("Ordre.", StringComparison.Ordinal) != true)
            return;
        var nullability = new NullabilityInfoContext();
        var checks = info.Properties
            .Where(p => p.Get is not null)
            .Select(p => CheckFor(p, nullability))
            .OfType<Action<object>>()
            .ToArray();
        if (checks.Length == 0) return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            foreach (var check in checks) check(value);
            previous?.Invoke(value);
        };
    }

    private static Action<object>? CheckFor(JsonPropertyInfo property, NullabilityInfoContext nullability)
    {
        var get = property.Get!;
        var name = property.Name;
        var type = property.PropertyType;

        if (type == typeof(DateOnly) || type == typeof(DateOnly?))
            return value =>
            {
                if (get(value) is DateOnly date && (date < Earliest || date > Latest))
                    throw new InvalidBodyFieldException(name,
                        $"La date doit être comprise entre le {Earliest:dd/MM/yyyy} et le {Latest:dd/MM/yyyy}.");
            };

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ElementType(type) is { IsValueType: false })
            return value =>
            {
                if (get(value) is not IEnumerable items) return;
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                        throw new InvalidBodyFieldException($"{name}[{index}]", "Une liste ne peut contenir de valeur nulle.");
                    NoNul(item as string, $"{name}[{index}]");
                    index++;
                }
            };

        var required = !type.IsValueType && DeclaredNonNullable(property, nullability);
        if (required || type == typeof(string))
            return value =>
            {
                var field = get(value);
                if (field is null && required)
                    throw new InvalidBodyFieldException(name, "Ce champ est obligatoire.");
                NoNul(field as string, name);
            };

        return null;
    }

    /// <summary>PostgreSQL stores no NUL character in text or jsonb, and no person types one.</summary>
    private static void NoNul(string? text, string field)
    {
        if (text?.Contains('\0') == true)
            throw new InvalidBodyFieldException(field, "Le caractère nul (U+0000) n'est pas admis dans un texte.");
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool DeclaredNonNullable(JsonPropertyInfo property, NullabilityInfoContext nullability)
    {
        if (property.AttributeProvider is PropertyInfo info)
            return nullability.Create(info).ReadState == NullabilityState.NotNull
                   && (property.AssociatedParameter is null || !property.AssociatedParameter.HasDefaultValue);
        return false;
    }
}
