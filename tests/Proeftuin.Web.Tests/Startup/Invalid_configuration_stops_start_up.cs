using System.Diagnostics;

namespace Proeftuin.Web.Tests.Startup;

/// <summary>Starts the real app process with a wrong setting and reads what an operator would see.</summary>
public sealed class Invalid_configuration_stops_start_up
{
    [Fact]
    public async Task Unknown_provider_gives_one_clear_message_and_exit_code_1()
    {
        var (exitCode, output) = await RunAppAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_names_the_connection_string_setting()
    {
        var (exitCode, output) = await RunAppAsync([.. ProductionSettings().Where(s => s.Name != "Database__Provider"),
            ("Database__Provider", "PostgreSql"),
            ("ConnectionStrings__Proeftuin", "Host=127.0.0.1;Port=1;Database=none;Timeout=2")]);

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:Proeftuin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_token_certificate_in_production_names_the_setting()
    {
        var (exitCode, output) = await RunAppAsync(("Database__Provider", "Sqlite"), ("Database__DataFolder", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        Assert.Equal(1, exitCode);
        Assert.Contains("OpenIddict:SigningCertificate:Path", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("App__PublicBaseUrl", "App:PublicBaseUrl")]
    [InlineData("AllowedHosts", "AllowedHosts")]
    [InlineData("Audit__ChainKey", "Audit:ChainKey")]
    [InlineData("DataProtection__Certificate__Path", "DataProtection:Certificate:Path")]
    [InlineData("Mail__Smtp__Host", "Mail:Smtp:Host")]
    public async Task A_missing_production_setting_is_named(string variable, string setting)
    {
        var (exitCode, output) = await RunAppAsync([.. ProductionSettings().Where(s => s.Name != variable)]);

        Assert.Equal(1, exitCode);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_provider_without_https_in_production_names_the_setting()
    {
        var (exitCode, output) = await RunAppAsync([.. ProductionSettings(),
            ("Authentication__External__Authority", "http://idp.gemeente.example/"),
            ("Authentication__External__ClientId", "proeftuin"),
            ("Authentication__External__RequireHttpsMetadata", "false")]);

        Assert.Equal(1, exitCode);
        Assert.Contains("Authentication:External:RequireHttpsMetadata", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>Every setting production requires, on a fresh SQLite folder: the app would start with all of them.</summary>
    private static (string Name, string Value)[] ProductionSettings()
    {
        var certificate = SelfSignedPfx();
        return
        [
            ("Database__Provider", "Sqlite"),
            ("Database__DataFolder", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))),
            ("OpenIddict__SigningCertificate__Path", certificate),
            ("OpenIddict__EncryptionCertificate__Path", certificate),
            ("DataProtection__Certificate__Path", certificate),
            ("Anonymization__GuardedNameKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))),
            ("Audit__ChainKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))),
            ("App__PublicBaseUrl", "https://proeftuin.example.nl"),
            ("AllowedHosts", "proeftuin.example.nl"),
            ("Mail__Smtp__Host", "smtp.example.nl"),
        ];
    }

    /// <summary>A self-signed certificate as a PFX without password, as an operator would provide one.</summary>
    internal static string SelfSignedPfx()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Proeftuin test", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509KeyUsageExtension(
            System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), $"proeftuin-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Proeftuin.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
