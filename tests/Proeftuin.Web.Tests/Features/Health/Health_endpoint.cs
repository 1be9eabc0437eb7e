using System.Net;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Health;

public sealed class Health_endpoint(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Reports_healthy_when_the_database_answers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
