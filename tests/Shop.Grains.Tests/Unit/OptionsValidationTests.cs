using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Grains.Carts;
using Shop.Grains.Orders;

namespace Shop.Grains.Tests.Unit;

public sealed class OptionsValidationTests
{
    private static T Resolve<T>(Dictionary<string, string?> settings)
        where T : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddShopGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }

    [Fact]
    public void Defaults_are_valid()
    {
        var saga = Resolve<SagaOptions>([]);

        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)), (saga.ReservationHold, saga.OrderDeadline));
        Assert.Equal(TimeSpan.FromDays(7), Resolve<CartOptions>([]).IdleExpiry);
    }

    [Fact]
    public void A_deadline_not_after_the_hold_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve<SagaOptions>(new()
        {
            ["Shop:Saga:ReservationHold"] = "00:30:00",
            ["Shop:Saga:OrderDeadline"] = "00:20:00",
        }));

        Assert.Contains("Shop:Saga:OrderDeadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_setting_is_refused_naming_it()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve<CartOptions>(new() { ["Shop:Carts:IdleExpiry"] = "00:00:01" }));

        Assert.Contains("Shop:Carts:IdleExpiry", error.Message, StringComparison.Ordinal);
    }
}
