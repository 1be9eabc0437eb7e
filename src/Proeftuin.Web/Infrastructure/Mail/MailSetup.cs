namespace Proeftuin.Web.Infrastructure.Mail;

public static class MailSetup
{
    public static IServiceCollection AddProeftuinMail(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
        {
            services.AddSingleton<FileMailSink>();
            services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<FileMailSink>());
        }
        else
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }

        return services;
    }
}
