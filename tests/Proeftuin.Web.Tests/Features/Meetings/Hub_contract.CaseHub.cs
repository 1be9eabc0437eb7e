using System.Reflection;
using System.Text.Json;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Cases.Preparation;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The case page's typed hub client (client/cases/case-hub.ts) against <see cref="CaseHub"/> and <see cref="ICaseClient"/>,
/// with the same checks as the meeting room's: the messages it shares with the room are checked against hub-types.ts
/// by the room's facts, <see cref="CaseSnapshot"/> here.
/// </summary>
public sealed partial class Hub_contract
{
    private static readonly string CaseClient = RepositoryRoot.Combine("src", "Proeftuin.Web", "client", "cases", "case-hub.ts");

    private static IEnumerable<MethodInfo> CaseHubMethods() =>
        typeof(CaseHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && !m.Name.StartsWith("On", StringComparison.Ordinal));

    [Fact]
    public void Every_case_hub_method_is_in_the_case_page_client_with_the_same_arguments_and_answer()
    {
        var typescript = Entries(Block(File.ReadAllText(CaseClient), "CaseHubMethods"), MethodEntry());
        var failures = new List<string>();
        foreach (var method in CaseHubMethods())
        {
            if (!typescript.TryGetValue(method.Name, out var entry))
            {
                failures.Add($"case-hub.ts lacks the hub method {method.Name}");
                continue;
            }

            var match = MethodEntry().Match(entry);
            var arguments = match.Groups["args"].Value.Length == 0 ? [] : match.Groups["args"].Value.Split(", ").Select(a => a[(a.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).ToArray();
            var parameters = method.GetParameters();
            if (arguments.Length != parameters.Length)
            {
                failures.Add($"{method.Name}: {parameters.Length} arguments in C#, {arguments.Length} in case-hub.ts");
                continue;
            }

            failures.AddRange(parameters.Select((p, i) => Compare($"{method.Name}({p.Name})", TypeScriptOf(p.ParameterType, Nullability.Create(p)), arguments[i])).OfType<string>());
            var answer = method.ReturnType.GetGenericArguments()[0].GetGenericArguments()[0];
            if (Compare($"{method.Name} answer", TypeScriptOf(answer, null), match.Groups["result"].Value) is { } difference)
            {
                failures.Add(difference);
            }
        }

        failures.AddRange(typescript.Keys.Except(CaseHubMethods().Select(m => m.Name)).Select(name => $"case-hub.ts names {name}, which the case hub does not have"));
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_case_client_event_is_in_the_case_page_client_with_its_payload()
    {
        var typescript = Entries(Block(File.ReadAllText(CaseClient), "CaseHubEvents"), Property());
        var events = typeof(ICaseClient).GetMethods();

        Assert.Equal(events.Select(e => e.Name).Order(), typescript.Keys.Order());
        Assert.All(events, e =>
        {
            var payload = e.GetParameters().Single();
            Assert.Null(Compare(e.Name, TypeScriptOf(payload.ParameterType, Nullability.Create(payload)), Property().Match(typescript[e.Name]).Groups["type"].Value));
        });
    }

    [Fact]
    public void The_case_snapshot_has_an_interface_with_the_same_properties_and_types()
    {
        var properties = Interfaces(File.ReadAllText(CaseClient))[nameof(CaseSnapshot)];
        var csharp = typeof(CaseSnapshot).GetProperties().Where(p => p.Name != "EqualityContract").ToList();

        Assert.Equal(csharp.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(), properties.Keys.Order());
        Assert.All(csharp, p => Assert.Null(Compare(p.Name, TypeScriptOf(p.PropertyType, Nullability.Create(p)), properties[JsonNamingPolicy.CamelCase.ConvertName(p.Name)])));
    }
}
