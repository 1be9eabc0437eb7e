namespace Proeftuin.Web.Infrastructure.Mail;

public static class MailSetup
{
    public static IServiceCollection AddProeftuinMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Read (and checked) now, so a wrong SMTP setting stops start-up with its name instead of failing the first mail.
        if (SmtpSettings.Read(configuration, environment) is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IMailSender>(new SmtpMailSender(smtp));
        }
        else
        {
            services.AddSingleton<FileMailSink>();
            services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<FileMailSink>());
        }

        return services;
    }
}
