using Npgsql;

namespace Proeftuin.LoadTest;

/// <summary>
/// The app under load: one node on a fresh SQLite file, or several nodes on one fresh PostgreSQL database with the
/// Redis backplane behind a <see cref="TcpBalancer"/>, started one after the other (the first migrates and seeds).
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    private readonly List<AppServer> _nodes = [];
    private TcpBalancer? _balancer;
    private string? _database;
    private string? _postgres;

    public Uri Url => _balancer?.Url ?? _nodes[0].Url;

    public IReadOnlyList<AppServer> Nodes => _nodes;

    public IEnumerable<int> RunningPids => _nodes.Where(n => n.IsRunning).Select(n => n.Pid);

    public static async Task<AppCluster> StartAsync(LoadOptions options, TextWriter log)
    {
        var cluster = new AppCluster();
        var settings = new Dictionary<string, string>();
        if (options.Postgres is not null)
        {
            cluster._postgres = options.Postgres;
            cluster._database = $"proeftuin_load_{Guid.NewGuid():N}";
            settings["Database__Provider"] = "PostgreSql";
            settings["ConnectionStrings__Proeftuin"] = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = cluster._database }.ConnectionString;
        }

        if (options.Redis is not null)
        {
            settings["Redis__Configuration"] = options.Redis;
        }

        for (var i = 0; i < options.Nodes; i++)
        {
            cluster._nodes.Add(await AppServer.StartAsync(log, settings, options.ServerCpus));
        }

        if (options.Nodes > 1)
        {
            cluster._balancer = new TcpBalancer([.. cluster._nodes.Select(n => n.Url)]);
            await log.WriteLineAsync($"{options.Nodes} nodes behind {cluster._balancer.Url}");
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        if (_balancer is not null)
        {
            await _balancer.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
