using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Moq;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;
using Proeftuin.Web.Infrastructure.Mail;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>
/// The real app on demo data (SQLite or a fresh PostgreSQL database) whose outbox the test drives itself: the hosted
/// worker is off, the clock is a <see cref="FakeTimeProvider"/>, and mail goes through the real
/// <see cref="SmtpMailSender"/> to a mocked MailKit client (the SMTP server is outside our control), which records
/// every message it is handed and can be told to fail.
/// </summary>
public sealed class OutboxAppFactory : WebApplicationFactory<Program>
{
    private readonly DemoAppSettings _settings = new();
    private readonly TestDatabase? _database;

    private OutboxAppFactory(TestDatabase? database) => _database = database;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Mock<ISmtpClient> Smtp { get; } = new();

    /// <summary>Every message the SMTP client accepted, in order.</summary>
    public ConcurrentQueue<MimeMessage> Delivered { get; } = new();

    /// <summary>When it answers true for a message, the SMTP client throws instead of accepting it.</summary>
    public Func<MimeMessage, bool> FailWhen { get; set; } = _ => false;

    public static OutboxAppFactory On(DatabaseProvider provider) =>
        new(provider == DatabaseProvider.PostgreSql ? TestDatabase.CreatePostgres() : null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _settings.Apply(builder);
        if (_database is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Proeftuin", _database.Settings.ConnectionString);
        }

        builder.UseSetting("Notifications:Outbox:RunWorker", "false");
        Smtp.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()))
            .Returns((MimeMessage message, CancellationToken _, ITransferProgress _) =>
            {
                if (FailWhen(message))
                {
                    throw new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "451 try again later");
                }

                Delivered.Enqueue(message);
                return Task.FromResult("250 OK");
            });
        var settings = new SmtpSettings("smtp.example.nl", 587, SecureSocketOptions.StartTls, "proeftuin", "geheim", "noreply@proeftuin.example.nl");
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<IMailSender>(new SmtpMailSender(settings, () => Smtp.Object)));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _settings.Delete();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
