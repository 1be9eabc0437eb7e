namespace Proeftuin.Testing;

/// <summary>The repository's root folder (the one holding Proeftuin.sln), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file or folder of the repository, e.g. <c>RepositoryRoot.Combine("tests", "data", "collaboration")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Proeftuin.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Proeftuin.sln not found above " + AppContext.BaseDirectory);
    }
}
