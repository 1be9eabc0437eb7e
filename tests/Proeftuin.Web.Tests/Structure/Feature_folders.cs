using System.Reflection;
using System.Text.RegularExpressions;
using Proeftuin.Testing;
using Proeftuin.Web.Infrastructure;

namespace Proeftuin.Web.Tests.Structure;

/// <summary>
/// Feature folders may use each other, but never round in a circle: a cycle means two features can only be understood,
/// changed and tested together. Dependencies are read twice, so neither reading's blind spot hides one: from the source
/// (using directives, qualified and relative names in code, views and doc comments) and from the compiled types
/// (base types, constructor dependencies, fields, properties, signatures and the locals that async methods and
/// lambdas keep in fields).
/// </summary>
public sealed partial class Feature_folders
{
    private const string FeaturesNamespace = "Proeftuin.Web.Features.";

    private static readonly string FeaturesFolder = RepositoryRoot.Combine("src", "Proeftuin.Web", "Features");

    [Fact]
    public void Depend_on_each_other_without_cycles()
    {
        var features = Directory.GetDirectories(FeaturesFolder).Select(Path.GetFileName).OfType<string>().ToHashSet();
        var graph = features.ToDictionary(feature => feature, _ => new HashSet<string>());
        AddSourceDependencies(graph, features);
        AddCompiledDependencies(graph, features);

        // Both readings must see what is plainly there, or an empty graph would pass.
        Assert.Contains("Meetings", graph["Cases"]);
        Assert.Contains("Anonymization", graph["Recommendations"]);

        var cycle = FindCycle(graph);
        Assert.True(cycle is null, "Feature folders in a cycle: " + string.Join(" → ", cycle ?? []));
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Cases"] = ["Meetings", "Anonymization"],
            ["Meetings"] = ["Recommendations"],
            ["Recommendations"] = ["Cases"],
            ["Anonymization"] = [],
        };

        Assert.Equal(["Cases", "Meetings", "Recommendations", "Cases"], FindCycle(graph));
        graph["Recommendations"].Clear();
        Assert.Null(FindCycle(graph));
    }

    private static void AddSourceDependencies(Dictionary<string, HashSet<string>> graph, HashSet<string> features)
    {
        // Names a sibling feature may be used by relatively ("Meetings.Live.X" inside Proeftuin.Web.Features.Cases):
        // its sub-namespaces and the types in its own folder.
        var relativeNames = features.ToDictionary(
            feature => feature,
            feature => Directory.GetDirectories(Path.Combine(FeaturesFolder, feature)).Select(Path.GetFileName)
                .Concat(Directory.GetFiles(Path.Combine(FeaturesFolder, feature)).Select(file => Path.GetFileName(file).Split('.')[0]))
                .OfType<string>().ToHashSet());

        foreach (var feature in features)
        {
            var files = Directory.EnumerateFiles(Path.Combine(FeaturesFolder, feature), "*", SearchOption.AllDirectories)
                .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                foreach (Match match in QualifiedFeature().Matches(text))
                {
                    Add(graph, feature, match.Groups["feature"].Value, features);
                }

                foreach (Match match in RelativeName().Matches(text))
                {
                    var (other, name) = (match.Groups["feature"].Value, match.Groups["name"].Value);
                    if (relativeNames.TryGetValue(other, out var names) && names.Contains(name))
                    {
                        Add(graph, feature, other, features);
                    }
                }
            }
        }
    }

    private static void AddCompiledDependencies(Dictionary<string, HashSet<string>> graph, HashSet<string> features)
    {
        const BindingFlags everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(ProeftuinApp).Assembly.GetTypes())
        {
            if (FeatureOf(type) is not { } feature)
            {
                continue;
            }

            var used = new List<Type?> { type.BaseType };
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(everything).Select(field => field.FieldType));
            used.AddRange(type.GetProperties(everything).Select(property => property.PropertyType));
            foreach (var method in type.GetMethods(everything).Cast<MethodBase>().Concat(type.GetConstructors(everything)))
            {
                used.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
                if (method is MethodInfo info)
                {
                    used.Add(info.ReturnType);
                }
            }

            foreach (var other in used.OfType<Type>().SelectMany(Unwrap).Select(FeatureOf).OfType<string>())
            {
                Add(graph, feature, other, features);
            }
        }
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            return Unwrap(element);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type)
            : [type];
    }

    private static string? FeatureOf(Type type) =>
        type.Namespace is { } name && name.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
            ? name[FeaturesNamespace.Length..].Split('.')[0]
            : null;

    private static void Add(Dictionary<string, HashSet<string>> graph, string from, string to, HashSet<string> features)
    {
        if (from != to && features.Contains(to))
        {
            graph[from].Add(to);
        }
    }

    /// <summary>The first cycle met by a depth-first walk, as the path that closes it; null when there is none.</summary>
    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }

    [GeneratedRegex(@"\bFeatures\.(?<feature>\w+)")]
    private static partial Regex QualifiedFeature();

    [GeneratedRegex(@"(?<![\w.])(?<feature>[A-Z]\w*)\.(?<name>[A-Z]\w*)\b")]
    private static partial Regex RelativeName();
}
