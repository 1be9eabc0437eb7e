using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; pick with --filter, e.g.
// dotnet run -c Release --project tests/Proeftuin.Benchmarks -- --filter '*TextOperation*'
BenchmarkSwitcher.FromAssembly(typeof(Proeftuin.Benchmarks.Archive.LargeVolumeBenchmarks).Assembly).Run(args);
