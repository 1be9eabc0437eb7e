using Proeftuin.LoadTest;

// The load tool (issue #6): logs in real demo professionals, plans R rooms, connects C clients to each, lets every
// client type one character at a random place `rate` times a second for `duration` seconds after a warm-up, measures
// submit → arrival for every (operation, receiver) pair and checks that every client ends with the server's text.
// Progress goes to stderr; with --json the last line on stdout is the result.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException error)
{
    await Console.Error.WriteLineAsync($"{error.Message}{Environment.NewLine}{LoadOptions.Usage}");
    return 2;
}

if (options.ClientCpus is not null)
{
    await CpuAffinity.PinThisProcessAsync(options.ClientCpus);
}

var result = await new LoadRun(options, Console.Error).RunAsync();
await Console.Out.WriteLineAsync(options.Json ? result.ToJson() : result.ToText());
return result.Lost == 0 && result.DivergedRooms == 0 ? 0 : 1;
