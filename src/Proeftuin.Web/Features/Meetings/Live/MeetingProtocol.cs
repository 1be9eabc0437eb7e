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
                [new TextOperationMessagePackFormatter()],
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
            var count = reader.ReadArrayHeader();
            var builder = new OperationBuilder(Math.Min(count, 16));
            for (var i = 0; i < count; i++)
            {
                switch (reader.NextMessagePackType)
                {
                    case MessagePackType.Integer:
                        var number = reader.ReadInt32();
                        _ = number switch
                        {
                            > 0 => builder.Retain(number),
                            < 0 when number != int.MinValue => builder.Delete(-number),
                            _ => throw new MessagePackSerializationException("Een wijziging bevat een ongeldig getal."),
                        };
                        break;
                    case MessagePackType.String:
                        var text = reader.ReadString();
                        builder.Insert(string.IsNullOrEmpty(text) ? throw new MessagePackSerializationException("Een wijziging bevat een lege invoeging.") : text);
                        break;
                    default:
                        throw new MessagePackSerializationException($"Onverwacht onderdeel {reader.NextMessagePackType} in een wijziging.");
                }
            }

            return builder.Build();
        }
        catch (OperationException ex)
        {
            throw new MessagePackSerializationException(ex.Message, ex);
        }
    }
}
