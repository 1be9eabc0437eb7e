using System.Globalization;
using Microsoft.Extensions.Configuration;
using Proeftuin.Core.Audit;
using Proeftuin.Data.Providers;

namespace Proeftuin.Data.Audit;

/// <summary>Where checkpoints go: an append-only file, or the local syslog (which forwards them wherever it is set up to).</summary>
public enum CheckpointTarget
{
    File,
    Syslog,
}

/// <summary>
/// The audit settings the web app and the <c>proeftuin</c> command share: the chain key (<c>Audit:ChainKey</c>, base64,
/// at least 32 bytes; a fixed public key in Development and the tests, required elsewhere) and the checkpoints
/// (<c>Audit:Checkpoints:Target</c> file|syslog, <c>:Path</c>, <c>:SyslogSocket</c>, <c>:Interval</c>).
/// </summary>
public sealed record AuditSettings(AuditKey Key, CheckpointTarget Target, string CheckpointPath, string SyslogSocket, TimeSpan Interval)
{
    public const string ChainKeyKey = "Audit:ChainKey";
    public const string TargetKey = "Audit:Checkpoints:Target";
    public const string PathKey = "Audit:Checkpoints:Path";
    public const string SyslogSocketKey = "Audit:Checkpoints:SyslogSocket";
    public const string IntervalKey = "Audit:Checkpoints:Interval";
    public const string DefaultFileName = "audit-checkpoints.log";

    public static AuditSettings From(IConfiguration configuration, bool development, string contentRoot)
    {
        var configured = configuration[ChainKeyKey];
        if (string.IsNullOrWhiteSpace(configured) && !development)
        {
            throw new AuditConfigurationException($"De instelling {ChainKeyKey} ontbreekt: een geheime sleutel (base64, minstens {AuditKey.MinimumBytes} bytes) voor de keten van het auditlog.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(string.IsNullOrWhiteSpace(configured) ? AuditKey.DevelopmentBase64 : configured.Trim());
        }
        catch (FormatException)
        {
            throw new AuditConfigurationException($"De instelling {ChainKeyKey} is geen geldige base64-tekst.");
        }

        if (key.Length < AuditKey.MinimumBytes)
        {
            throw new AuditConfigurationException($"De instelling {ChainKeyKey} is te kort: minstens {AuditKey.MinimumBytes} bytes.");
        }

        var targetText = configuration[TargetKey];
        var target = CheckpointTarget.File;
        if (!string.IsNullOrWhiteSpace(targetText) && (!Enum.TryParse(targetText.Trim(), ignoreCase: true, out target) || !Enum.IsDefined(target)))
        {
            throw new AuditConfigurationException($"Onbekende waarde '{targetText}' voor de instelling {TargetKey}. Kies file of syslog.");
        }

        var intervalText = configuration[IntervalKey];
        var interval = TimeSpan.FromMinutes(5);
        if (!string.IsNullOrWhiteSpace(intervalText)
            && (!TimeSpan.TryParse(intervalText, CultureInfo.InvariantCulture, out interval) || interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromDays(1)))
        {
            throw new AuditConfigurationException($"De instelling {IntervalKey} is geen tijdsduur tussen 00:00:01 en 1.00:00:00 (bijvoorbeeld 00:05:00).");
        }

        // Without a path the checkpoints go next to the SQLite file; a real installation points them at another disk,
        // another host, or syslog (docs/deployment.md).
        var path = configuration[PathKey];
        var checkpointPath = string.IsNullOrWhiteSpace(path)
            ? Path.Combine(Path.GetFullPath(configuration[DatabaseSettings.DataFolderKey] ?? "App_Data", contentRoot), DefaultFileName)
            : Path.GetFullPath(path, contentRoot);
        var socket = configuration[SyslogSocketKey];
        return new AuditSettings(new AuditKey(key), target, checkpointPath, string.IsNullOrWhiteSpace(socket) ? "/dev/log" : socket, interval);
    }
}

/// <summary>An audit setting is missing or wrong; the message names it.</summary>
public sealed class AuditConfigurationException(string message) : Exception(message);
