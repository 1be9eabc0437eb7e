using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The browser's typed hub client (client/meeting/hub-api.ts, hub-types.ts, enums.ts) against the C# contracts: the
/// hub's public methods, <see cref="IMeetingClient"/>'s events, every message record reachable from them (names and
/// property types as the JSON protocol sends them) and the shared enumerations. A C# change without the TypeScript side
/// fails here, not in a browser.
/// </summary>
public sealed partial class Hub_contract
{
    private static readonly string Client = RepositoryRoot.Combine("src", "Proeftuin.Web", "client", "meeting");
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The string enumerations of enums.ts, which hub-types.ts uses for some string properties.</summary>
    private static readonly string[] StringAliases = ["MeetingStatus", "MeetingPhase", "Pillar", "RecommendationStatus", "RecommendationLevel", "Discipline"];

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(MeetingHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && !m.Name.StartsWith("On", StringComparison.Ordinal));

    /// <summary>The arguments a client sends; a parameter marked [FromServices] comes from the server's container, not the wire.</summary>
    private static ParameterInfo[] WireParameters(MethodInfo method) =>
        [.. method.GetParameters().Where(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromServicesAttribute>() is null)];

    [Fact]
    public void Every_hub_method_is_in_the_typed_client_with_the_same_arguments_and_answer()
    {
        var typescript = Entries(Block(File.ReadAllText(Path.Combine(Client, "hub-api.ts")), "HubMethods"), MethodEntry());
        var failures = new List<string>();
        foreach (var method in HubMethods())
        {
            if (!typescript.TryGetValue(method.Name, out var entry))
            {
                failures.Add($"hub-api.ts lacks the hub method {method.Name}");
                continue;
            }

            var match = MethodEntry().Match(entry);
            var arguments = match.Groups["args"].Value.Length == 0 ? [] : match.Groups["args"].Value.Split(", ").Select(a => a[(a.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).ToArray();
            var parameters = WireParameters(method);
            if (arguments.Length != parameters.Length)
            {
                failures.Add($"{method.Name}: {parameters.Length} arguments in C#, {arguments.Length} in hub-api.ts");
                continue;
            }

            failures.AddRange(parameters.Select((p, i) => Compare($"{method.Name}({p.Name})", TypeScriptOf(p.ParameterType, Nullability.Create(p)), arguments[i])).OfType<string>());
            var answer = method.ReturnType.GetGenericArguments()[0].GetGenericArguments()[0]; // Task<HubResult<T>>
            if (Compare($"{method.Name} answer", TypeScriptOf(answer, null), match.Groups["result"].Value) is { } difference)
            {
                failures.Add(difference);
            }
        }

        failures.AddRange(typescript.Keys.Except(HubMethods().Select(m => m.Name)).Select(name => $"hub-api.ts names {name}, which the hub does not have"));
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_client_event_is_in_the_typed_client_with_its_payload()
    {
        var typescript = Entries(Block(File.ReadAllText(Path.Combine(Client, "hub-api.ts")), "HubEvents"), Property());
        var events = typeof(IMeetingClient).GetMethods();

        Assert.Equal(events.Select(e => e.Name).Order(), typescript.Keys.Order());
        Assert.All(events, e =>
        {
            var payload = e.GetParameters().Single();
            Assert.Null(Compare(e.Name, TypeScriptOf(payload.ParameterType, Nullability.Create(payload)), Property().Match(typescript[e.Name]).Groups["type"].Value));
        });
    }

    [Fact]
    public void Every_message_record_has_an_interface_with_the_same_properties_and_types()
    {
        var interfaces = Interfaces(File.ReadAllText(Path.Combine(Client, "hub-types.ts")));
        var failures = new List<string>();
        foreach (var record in Messages())
        {
            if (!interfaces.TryGetValue(record.Name, out var properties))
            {
                failures.Add($"hub-types.ts lacks interface {record.Name}");
                continue;
            }

            var csharp = record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is { IsStatic: false } && p.Name != "EqualityContract").ToList();
            var names = csharp.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
            if (!names.Order().SequenceEqual(properties.Keys.Order()))
            {
                failures.Add($"{record.Name}: C# sends [{string.Join(", ", names)}], hub-types.ts has [{string.Join(", ", properties.Keys)}]");
                continue;
            }

            failures.AddRange(csharp.Select(p => Compare($"{record.Name}.{p.Name}", TypeScriptOf(p.PropertyType, Nullability.Create(p)), properties[JsonNamingPolicy.CamelCase.ConvertName(p.Name)])).OfType<string>());
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Shared_enumerations_match_the_CSharp_enums_and_the_colours()
    {
        var enums = File.ReadAllText(Path.Combine(Client, "enums.ts"));
        var colours = (string[])typeof(Presence).GetField("Colours", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal(Enum.GetNames<MeetingStatus>(), Constant(enums, "MEETING_STATUSES"));
        Assert.Equal(Enum.GetNames<MeetingPhase>(), Constant(enums, "MEETING_PHASES"));
        Assert.Equal(Enum.GetNames<VisionPillar>().Where(p => p != nameof(VisionPillar.None)), Constant(enums, "PILLARS"));
        Assert.Equal(Enum.GetNames<RecommendationStatus>(), Constant(enums, "RECOMMENDATION_STATUSES"));
        Assert.Equal(Enum.GetNames<RecommendationLevel>(), Constant(enums, "RECOMMENDATION_LEVELS"));
        Assert.Equal(Enum.GetNames<Discipline>(), Constant(enums, "DISCIPLINES"));
        Assert.Equal(colours, Constant(enums, "PARTICIPANT_COLOURS"));
    }

    [Fact]
    public void The_check_itself_notices_a_property_that_only_one_side_has()
    {
        var interfaces = Interfaces("export interface Participant {\n  readonly userId: string;\n  readonly name: string;\n}\n");
        var csharp = typeof(Participant).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.NotEqual(csharp.Order(), interfaces["Participant"].Keys.Order());
        Assert.NotNull(Compare("x", "string | null", "string"));
        Assert.Null(Compare("x", "readonly string[]", "readonly Discipline[]"));
    }

    /// <summary>Every record the hub sends or receives, followed through their properties.</summary>
    private static IEnumerable<Type> Messages()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(HubMethods().SelectMany(m => WireParameters(m).Select(p => p.ParameterType).Append(m.ReturnType))
            .Concat(typeof(IMeetingClient).GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType))));
        while (queue.TryDequeue(out var type))
        {
            foreach (var inner in type.IsGenericType ? type.GetGenericArguments() : type.IsArray ? [type.GetElementType()!] : [])
            {
                queue.Enqueue(inner);
            }

            if (IsRecord(type) && !type.IsGenericType && seen.Add(type))
            {
                foreach (var property in type.GetProperties())
                {
                    queue.Enqueue(property.PropertyType);
                }
            }
        }

        return seen;
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    /// <summary>The TypeScript type the JSON protocol gives a C# type.</summary>
    private static string TypeScriptOf(Type type, NullabilityInfo? nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeScriptOf(underlying, null) + " | null";
        }

        var core = type switch
        {
            _ when type == typeof(string) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateOnly) => "string",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(TextOperation) || type == typeof(ReceivedOperation) => "OperationJson", // the same wire form
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) =>
                $"readonly {TypeScriptOf(type.GetGenericArguments()[0], nullability?.GenericTypeArguments.FirstOrDefault())}[]",
            _ when IsRecord(type) => type.Name,
            _ => throw new InvalidOperationException($"No TypeScript mapping for {type} yet: add one here and in hub-types.ts."),
        };
        return nullability is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? core + " | null" : core;
    }

    /// <summary>Null when <paramref name="typescript"/> is what <paramref name="expected"/> says, else what differs.</summary>
    private static string? Compare(string what, string expected, string typescript)
    {
        static string Normal(string type)
        {
            var text = type.Replace("readonly ", string.Empty, StringComparison.Ordinal);
            foreach (var alias in StringAliases)
            {
                text = Regex.Replace(text, $@"\b{alias}\b", "string");
            }

            return string.Join(" | ", text.Split('|', StringSplitOptions.TrimEntries).Distinct());
        }

        return Normal(expected) == Normal(typescript) ? null : $"{what}: C# sends {expected}, TypeScript says {typescript}";
    }

    private static string Block(string source, string name)
    {
        var start = source.IndexOf($"export interface {name} {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"interface {name} not found");
        return source[start..source.IndexOf("\n}", start, StringComparison.Ordinal)];
    }

    private static Dictionary<string, string> Entries(string block, Regex entry) =>
        entry.Matches(block).ToDictionary(m => m.Groups["name"].Value, m => m.Value);

    private static Dictionary<string, Dictionary<string, string>> Interfaces(string source) =>
        Interface().Matches(source).ToDictionary(
            m => m.Groups["name"].Value,
            m => Property().Matches(m.Groups["body"].Value).ToDictionary(p => p.Groups["name"].Value, p => p.Groups["type"].Value.Trim()));

    private static string[] Constant(string source, string name)
    {
        var match = Regex.Match(source, $@"export const {name} = \[(?<items>[^\]]*)\] as const;");
        Assert.True(match.Success, $"{name} not found in enums.ts");
        return [.. Regex.Matches(match.Groups["items"].Value, "'([^']*)'").Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"export interface (?<name>\w+)(?:<\w+>)? \{(?<body>[^}]*)\n\}")]
    private static partial Regex Interface();

    [GeneratedRegex(@"^\s*(?:readonly )?(?<name>\w+): (?<type>[^;]+);", RegexOptions.Multiline)]
    private static partial Regex Property();

    [GeneratedRegex(@"^\s*(?<name>\w+): \[\[(?<args>[^\]]*)\], (?<result>[^;]+)\];", RegexOptions.Multiline)]
    private static partial Regex MethodEntry();
}
