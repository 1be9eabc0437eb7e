using System.Globalization;

namespace Proeftuin.LoadTest;

/// <summary>The command line: where the server is (or that the tool starts one), how many rooms and clients, how fast.</summary>
public sealed record LoadOptions
{
    public List<Uri> Urls { get; } = [];

    public int Rooms { get; init; } = 10;

    public int Clients { get; init; } = 10;

    /// <summary>Operations per second per client.</summary>
    public double Rate { get; init; } = 5;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    public bool Json { get; init; }

    public int? ServerPid { get; init; }

    public bool StartServer { get; init; }

    /// <summary>With <see cref="StartServer"/>: kill the server (SIGKILL) this long into the run, then start it again on the same data.</summary>
    public TimeSpan? KillAfter { get; init; }

    public bool MessagePack { get; init; } = true;

    /// <summary>With <see cref="StartServer"/>: how many app nodes (more than one needs PostgreSQL and Redis).</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>A PostgreSQL connection string; the tool creates a fresh database on that server for the run.</summary>
    public string? Postgres { get; init; }

    /// <summary>Redis for the SignalR backplane (host:port).</summary>
    public string? Redis { get; init; }

    /// <summary>The case-code prefix of the wijk whose demo members take part (LR, OND, BIN).</summary>
    public string Neighbourhood { get; init; } = "LR";

    /// <summary>With <see cref="StartServer"/>: the cores the server nodes run on (a taskset list such as <c>0</c> or <c>0-1</c>).</summary>
    public string? ServerCpus { get; init; }

    /// <summary>The cores this tool runs on, so it does not compete with the server for the same core.</summary>
    public string? ClientCpus { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var urls = new List<Uri>();
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--url" => Add(urls, new Uri(Value()), options),
                "--rooms" => options with { Rooms = Positive(Value(), "--rooms") },
                "--clients" => options with { Clients = Positive(Value(), "--clients") },
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(Value(), "--duration")) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--json" => options with { Json = true },
                "--server-pid" => options with { ServerPid = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--start-server" => options with { StartServer = true },
                "--kill-after" => options with { KillAfter = TimeSpan.FromSeconds(Positive(Value(), "--kill-after")) },
                "--protocol" => options with { MessagePack = Value() switch { "json" => false, "messagepack" => true, var p => throw new ArgumentException($"unknown protocol {p}") } },
                "--wijk" => options with { Neighbourhood = Value() },
                "--nodes" => options with { Nodes = Positive(Value(), "--nodes") },
                "--postgres" => options with { Postgres = Value() },
                "--redis" => options with { Redis = Value() },
                "--server-cpus" => options with { ServerCpus = CpuList(Value(), "--server-cpus") },
                "--client-cpus" => options with { ClientCpus = CpuList(Value(), "--client-cpus") },
                var unknown => throw new ArgumentException($"unknown option {unknown}"),
            };
        }

        options.Urls.AddRange(urls);
        if (options.Urls.Count == 0 && !options.StartServer)
        {
            throw new ArgumentException("give --url (once per node) or --start-server");
        }

        if (options.Nodes > 1 && (options.Postgres is null || options.Redis is null))
        {
            throw new ArgumentException("--nodes above 1 needs --postgres and --redis");
        }

        if (options.KillAfter is not null && !options.StartServer)
        {
            throw new ArgumentException("--kill-after needs --start-server");
        }

        if (options.ServerCpus is not null && !options.StartServer)
        {
            throw new ArgumentException("--server-cpus needs --start-server");
        }

        return options;
    }

    public const string Usage = """
        dotnet run -c Release --project tests/Proeftuin.LoadTest -- [--url http://127.0.0.1:5080 ...] [--start-server]
          [--rooms 10] [--clients 10] [--rate 5] [--duration 30] [--warmup 5] [--protocol messagepack|json]
          [--server-pid PID] [--kill-after SECONDS] [--wijk LR] [--json] [--server-cpus 0] [--client-cpus 1]
          [--nodes 2 --postgres "Host=127.0.0.1;Port=5432;Username=proeftuin;Database=postgres" --redis 127.0.0.1:6379]
        """;

    private static LoadOptions Add(List<Uri> urls, Uri url, LoadOptions options)
    {
        urls.Add(url);
        return options;
    }

    /// <summary>A taskset CPU list: digits, commas and dashes only (it is passed to taskset as one argument).</summary>
    private static string CpuList(string value, string name) =>
        value.Length > 0 && value.All(c => char.IsAsciiDigit(c) || c is ',' or '-') ? value : throw new ArgumentException($"{name} takes a CPU list such as 0 or 0-1 or 0,2");

    private static int Positive(string value, string name)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{name} must be positive");
    }
}
