using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;
using MessagePack.Formatters;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// An operation as a client sent it: parsed, or the reason it was refused. Reading never fails on an operation that is
/// malformed or out of bounds (a count of <see cref="int.MaxValue"/>, a negative retain, a text above the document
/// limit): the hub method still runs and answers with the refusal's stable code as a typed <see cref="HubError"/>,
/// where a failed argument binding would only give an untyped SignalR error. Wire form: that of <see cref="TextOperation"/>.
/// </summary>
[JsonConverter(typeof(ReceivedOperationJsonConverter))]
public sealed class ReceivedOperation
{
    private ReceivedOperation(TextOperation? operation, OperationException? refusal)
    {
        Operation = operation;
        Refusal = refusal;
    }

    /// <summary>The operation, when it was well-formed and within bounds.</summary>
    public TextOperation? Operation { get; }

    /// <summary>Why it was refused, when it was not.</summary>
    public OperationException? Refusal { get; }

    /// <summary>The operation, or its refusal thrown.</summary>
    public TextOperation Value => Operation ?? throw Refusal!;

    public static ReceivedOperation Of(TextOperation operation) => new(operation ?? throw new ArgumentNullException(nameof(operation)), null);

    public static ReceivedOperation Refused(OperationException refusal) => new(null, refusal);

    /// <summary>Lets senders (the .NET client, tests, the load tool) put a <see cref="TextOperation"/> in a request.</summary>
    public static implicit operator ReceivedOperation(TextOperation operation) => Of(operation);
}

public sealed class ReceivedOperationJsonConverter : JsonConverter<ReceivedOperation>
{
    public override ReceivedOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The whole value is buffered before a converter runs: on a refusal, go back to its start and skip it.
        var start = reader;
        try
        {
            return ReceivedOperation.Of(TextOperationJson.Read(ref reader));
        }
        catch (OperationException refusal)
        {
            reader = start;
            reader.Skip();
            return ReceivedOperation.Refused(refusal);
        }
    }

    public override void Write(Utf8JsonWriter writer, ReceivedOperation value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Operation ?? TextOperation.Empty, options);
}

public sealed class ReceivedOperationMessagePackFormatter : IMessagePackFormatter<ReceivedOperation?>
{
    public void Serialize(ref MessagePackWriter writer, ReceivedOperation? value, MessagePackSerializerOptions options) =>
        new TextOperationMessagePackFormatter().Serialize(ref writer, value is null ? null : value.Operation ?? TextOperation.Empty, options);

    public ReceivedOperation? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var start = reader;
        try
        {
            return ReceivedOperation.Of(TextOperationMessagePackFormatter.Read(ref reader));
        }
        catch (OperationException refusal)
        {
            reader = start;
            reader.Skip();
            return ReceivedOperation.Refused(refusal);
        }
    }
}
