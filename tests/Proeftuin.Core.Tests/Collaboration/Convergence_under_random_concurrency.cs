using Proeftuin.Core.Collaboration;
using Xunit.Abstractions;

namespace Proeftuin.Core.Tests.Collaboration;

/// <summary>
/// Simulated meetings: several clients edit at random, messages are delayed and reordered between clients (never
/// within one connection), connections drop with messages in flight and come back with a resync + resubmit. After
/// draining, every client must hold the server's text and the op log must replay to it.
/// </summary>
public sealed class Convergence_under_random_concurrency(ITestOutputHelper output)
{
    public const int Seeds = 5000;

    [Fact]
    public void Every_seed_converges()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            try
            {
                new Simulation(seed).Run();
            }
            catch (Exception ex)
            {
                output.WriteLine($"Failing seed: {seed}");
                throw new Xunit.Sdk.XunitException($"Seed {seed} did not converge: {ex.Message}\n{ex}");
            }
        }
    }

    private sealed class Simulation
    {
        private readonly Random _random;
        private readonly string _initial;
        private readonly DocumentSession _server;
        private readonly List<SimulatedClient> _clients;
        private readonly List<AppliedOperation> _log = [];

        public Simulation(int seed)
        {
            _random = new Random(seed);
            _initial = RandomOperations.Text(_random, 12);
            _server = new DocumentSession("doc", _initial, 0);
            _clients = [.. Enumerable.Range(0, _random.Next(2, 6)).Select(i => new SimulatedClient(new ClientDocument($"c{i}", _initial, 0)))];
        }

        public void Run()
        {
            var steps = _random.Next(20, 80);
            for (var step = 0; step < steps; step++)
            {
                var client = _clients[_random.Next(_clients.Count)];
                switch (_random.Next(10))
                {
                    case < 4:
                        Edit(client);
                        break;
                    case < 6:
                        DeliverUp(client);
                        break;
                    case < 9:
                        DeliverDown(client);
                        break;
                    default:
                        if (client.Connected)
                        {
                            Disconnect(client);
                        }
                        else
                        {
                            Reconnect(client);
                        }

                        break;
                }
            }

            Drain();
            var text = _server.Text;
            foreach (var client in _clients)
            {
                Assert.Equal(ClientState.Synchronized, client.Document.State);
                Assert.Equal(text, client.Document.Text);
                Assert.Equal(_server.Revision, client.Document.Revision);
            }

            Assert.Equal(text, _log.Aggregate(_initial, (current, applied) => applied.Operation.Apply(current)));
            Assert.Equal(Enumerable.Range(1, _log.Count).Select(i => (long)i), _log.Select(a => a.Revision));
        }

        private void Edit(SimulatedClient client)
        {
            var pending = client.Document.ApplyLocal(RandomOperations.Edit(_random, client.Document.Text.Length));
            if (pending is not null && client.Connected)
            {
                client.Up.Enqueue(pending);
            }
        }

        private void DeliverUp(SimulatedClient client)
        {
            if (!client.Connected || !client.Up.TryDequeue(out var pending))
            {
                return;
            }

            var result = _server.Submit(pending.BaseRevision, pending.Operation, client.Document.ClientId, pending.ClientSeq);
            if (!result.Duplicate)
            {
                _log.Add(result.Applied);
                foreach (var other in _clients.Where(c => c != client && c.Connected))
                {
                    other.Down.Enqueue(new Message(result.Applied, IsAck: false));
                }
            }

            client.Down.Enqueue(new Message(result.Applied, IsAck: true));
        }

        private static void DeliverDown(SimulatedClient client)
        {
            if (!client.Connected || !client.Down.TryDequeue(out var message))
            {
                return;
            }

            if (message.IsAck)
            {
                var next = client.Document.Acknowledge(message.Applied.Revision);
                if (next is not null)
                {
                    client.Up.Enqueue(next);
                }
            }
            else
            {
                client.Document.ApplyServer(message.Applied.Operation, message.Applied.Revision);
            }
        }

        private static void Disconnect(SimulatedClient client)
        {
            // Whatever was in flight is lost with the connection.
            client.Connected = false;
            client.Up.Clear();
            client.Down.Clear();
        }

        private void Reconnect(SimulatedClient client)
        {
            client.Connected = true;
            var missed = _server.OperationsSinceAsync(client.Document.Revision, CancellationToken.None).GetAwaiter().GetResult();
            var resend = client.Document.Resync(missed);
            if (resend is not null)
            {
                client.Up.Enqueue(resend);
            }
        }

        private void Drain()
        {
            foreach (var client in _clients.Where(c => !c.Connected))
            {
                Reconnect(client);
            }

            while (_clients.Any(c => c.Up.Count > 0 || c.Down.Count > 0))
            {
                var client = _clients[_random.Next(_clients.Count)];
                if (_random.Next(2) == 0)
                {
                    DeliverUp(client);
                }
                else
                {
                    DeliverDown(client);
                }
            }
        }
    }

    private sealed class SimulatedClient(ClientDocument document)
    {
        public ClientDocument Document { get; } = document;

        public Queue<PendingOperation> Up { get; } = new();

        public Queue<Message> Down { get; } = new();

        public bool Connected { get; set; } = true;
    }

    private sealed record Message(AppliedOperation Applied, bool IsAck);
}
