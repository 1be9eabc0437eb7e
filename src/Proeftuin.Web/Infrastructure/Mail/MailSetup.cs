namespace Proeftuin.Web.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>
    /// SMTP when <c>Mail:Smtp:Host</c> is set (and always in Production), otherwise the file sink. The settings are read
    /// when the sender is first resolved, which <see cref="ProeftuinApp"/> does right after building the app, so a wrong
    /// SMTP setting stops start-up with its name instead of failing the first mail.
    /// </summary>
    public static IServiceCollection AddProeftuinMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]) && !environment.IsProduction())
        {
            services.AddSingleton<FileMailSink>();
            services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<FileMailSink>());
        }
        else
        {
            services.AddSingleton(_ => SmtpSettings.Read(configuration, environment)!);
            services.AddSingleton<IMailSender>(sp => new SmtpMailSender(sp.GetRequiredService<SmtpSettings>()));
        }

        return services;
    }
}
