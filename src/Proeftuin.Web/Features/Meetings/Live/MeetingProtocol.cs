using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The hub speaks JSON and MessagePack. MessagePack is the compact choice for busy rooms; its settings live here so
/// the server, the tests and the load tool serialise alike: records by property name (contractless), an operation in
/// the same form as in JSON, and the resolver hardened for data from untrusted clients.
/// </summary>
public static class MeetingProtocol
{
    public static MessagePackSerializerOptions MessagePackOptions { get; } =
        MessagePackSerializerOptions.Standard
            .WithResolver(CompositeResolver.Create(
                [new TextOperationMessagePackFormatter(), new ReceivedOperationMessagePackFormatter()],
                [DynamicEnumAsStringResolver.Instance, ContractlessStandardResolver.Instance]))
            .WithSecurity(MessagePackSecurity.UntrustedData);
}

/// <summary>
/// An operation as a MessagePack array of positive integers (retain), strings (insert) and negative integers (delete),
/// the same shape as its JSON wire form. Anything else is refused before it reaches the hub method.
/// </summary>
public sealed class TextOperationMessagePackFormatter : IMessagePackFormatter<TextOperation?>
{
    public void Serialize(ref MessagePackWriter writer, TextOperation? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(value.Components.Count);
        foreach (var component in value.Components)
        {
            if (component.IsInsert)
            {
                writer.Write(component.Text);
            }
            else
            {
                writer.Write(component.Count);
            }
        }
    }

    public TextOperation? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        try
        {
            return Read(ref reader);
        }
        catch (OperationException ex)
        {
            throw new MessagePackSerializationException(ex.Message, ex);
        }
    }

    /// <summary>Reads an operation; anything malformed or out of bounds is an <see cref="OperationException"/>.</summary>
    internal static TextOperation Read(ref MessagePackReader reader)
    {
        var count = reader.ReadArrayHeader();
        var builder = new OperationBuilder(Math.Min(count, 16));
        for (var i = 0; i < count; i++)
        {
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.Integer:
                    // Read as 64 bits so a count beyond int is a refusal, not an overflow; the builder bounds the rest.
                    var number = ReadInt64OrMax(ref reader);
                    _ = number switch
                    {
                        > int.MaxValue or < -int.MaxValue => throw Malformed("te groot getal"),
                        > 0 => builder.Retain((int)number),
                        < 0 => builder.Delete((int)-number),
                        _ => throw Malformed("een nul"),
                    };
                    break;
                case MessagePackType.String:
                    var text = reader.ReadString();
                    builder.Insert(string.IsNullOrEmpty(text) ? throw Malformed("lege invoeging") : text);
                    break;
                default:
                    throw Malformed($"onverwacht onderdeel {reader.NextMessagePackType}");
            }
        }

        return builder.Build();
    }

    private static long ReadInt64OrMax(ref MessagePackReader reader)
    {
        try
        {
            return reader.ReadInt64();
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    private static OperationException Malformed(string detail) =>
        new("operation.malformed", $"De wijziging is ongeldig ({detail}).");
}
