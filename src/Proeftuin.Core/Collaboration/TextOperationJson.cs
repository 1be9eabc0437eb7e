using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Proeftuin.Core.Collaboration;

/// <summary>
/// The wire form of an operation: a JSON array of positive integers (retain), strings (insert) and negative integers
/// (delete), e.g. <c>[5,"abc",-2,10]</c>. Zero, empty strings and anything else are refused.
/// </summary>
public static class TextOperationJson
{
    public static TextOperation Parse(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 2 });
            if (!reader.Read())
            {
                throw Malformed("leeg bericht");
            }

            var operation = Read(ref reader);
            if (reader.Read())
            {
                throw Malformed("tekst na het einde van de wijziging");
            }

            return operation;
        }
        catch (JsonException ex)
        {
            throw Malformed(ex.Message);
        }
    }

    public static string Write(TextOperation operation)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, operation);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads an operation at the reader's position; anything malformed or out of bounds is an <see cref="OperationException"/>.</summary>
    public static TextOperation Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Malformed("een wijziging is een lijst");
        }

        var builder = new OperationBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetInt32(out var count) && count != 0:
                    if (count > 0)
                    {
                        builder.Retain(count);
                    }
                    else if (count == int.MinValue)
                    {
                        throw Malformed("te groot getal");
                    }
                    else
                    {
                        builder.Delete(-count);
                    }

                    break;
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    if (text.Length == 0)
                    {
                        throw Malformed("lege invoeging");
                    }

                    builder.Insert(text);
                    break;
                default:
                    throw Malformed($"onverwacht onderdeel {reader.TokenType}");
            }
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw Malformed("de lijst is niet afgesloten");
        }

        return builder.Build();
    }

    internal static void Write(Utf8JsonWriter writer, TextOperation operation)
    {
        writer.WriteStartArray();
        foreach (var component in operation.Components)
        {
            if (component.IsInsert)
            {
                writer.WriteStringValue(component.Text);
            }
            else
            {
                writer.WriteNumberValue(component.Count);
            }
        }

        writer.WriteEndArray();
    }

    private static OperationException Malformed(string detail) =>
        new("operation.malformed", $"De wijziging is ongeldig ({detail}).");
}

/// <summary>Lets hub messages and API bodies carry a <see cref="TextOperation"/> in its wire form.</summary>
public sealed class TextOperationJsonConverter : JsonConverter<TextOperation>
{
    public override TextOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return TextOperationJson.Read(ref reader);
        }
        catch (OperationException ex)
        {
            // System.Text.Json turns a JsonException into a clean model-binding / hub error.
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TextOperation value, JsonSerializerOptions options) =>
        TextOperationJson.Write(writer, value);
}
