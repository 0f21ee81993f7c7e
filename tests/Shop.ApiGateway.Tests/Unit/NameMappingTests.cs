using Grpc.Core;
using Shop.ApiGateway.Catalog;
using Shop.ApiGateway.Errors;
using Shop.ApiGateway.Orders;
using Shop.Catalog;
using Shop.Common;
using Shop.Orders;
using Shop.Payments;
using Shop.ServiceDefaults.Errors;
using Shop.Silo.Storage;

namespace Shop.ApiGateway.Tests.Unit;

/// <summary>The API's names for statuses, reasons, payment methods and sorts, and the status-code tables.</summary>
public sealed class NameMappingTests
{
    private static readonly DependencyOutage NoClassifiers = new([]);

    [Theory]
    [InlineData(OrderStatus.Pending, "PENDING")]
    [InlineData(OrderStatus.StockReserved, "STOCK_RESERVED")]
    [InlineData(OrderStatus.AwaitingPaymentAction, "AWAITING_PAYMENT_ACTION")]
    [InlineData(OrderStatus.Confirmed, "CONFIRMED")]
    [InlineData(OrderStatus.Cancelled, "CANCELLED")]
    public void Order_statuses_have_their_api_names(OrderStatus status, string name) =>
        Assert.Equal(name, OrderStatusNames.Name(status));

    [Theory]
    [InlineData(CancellationReason.None, "")]
    [InlineData(CancellationReason.OutOfStock, "out_of_stock")]
    [InlineData(CancellationReason.PaymentDeclined, "payment_declined")]
    [InlineData(CancellationReason.CancelledByCustomer, "cancelled_by_customer")]
    [InlineData(CancellationReason.ReservationExpired, "reservation_expired")]
    [InlineData(CancellationReason.TimedOut, "timed_out")]
    [InlineData(CancellationReason.CancelledByShop, "cancelled_by_shop")]
    public void Cancellation_reasons_have_their_api_names(CancellationReason reason, string name) =>
        Assert.Equal(name, CancellationReasonNames.Name(reason));

    [Theory]
    [InlineData("card", PaymentMethod.Card)]
    [InlineData("cash_on_delivery", PaymentMethod.CashOnDelivery)]
    public void Payment_methods_round_trip(string name, PaymentMethod method)
    {
        Assert.Equal(method, PaymentMethodNames.Parse(name));
        Assert.Equal(name, PaymentMethodNames.Name(method));
    }

    [Theory]
    [InlineData("CARD")]
    [InlineData("cash")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_payment_method_is_a_validation_error(string? name) =>
        Assert.Equal(ErrorKind.Validation, Assert.Throws<ShopException>(() => PaymentMethodNames.Parse(name)).Kind);

    [Fact]
    public void Every_payment_status_has_a_name() =>
        Assert.All(Enum.GetValues<PaymentStatus>(), status => Assert.False(string.IsNullOrEmpty(PaymentStatusNames.Name(status))));

    [Theory]
    [InlineData("", ProductSort.Relevance)]
    [InlineData("relevance", ProductSort.Relevance)]
    [InlineData("price_asc", ProductSort.PriceAscending)]
    [InlineData("price_desc", ProductSort.PriceDescending)]
    [InlineData("newest", ProductSort.Newest)]
    [InlineData("name", ProductSort.Name)]
    public void Sorts_have_their_api_names(string name, ProductSort sort) => Assert.Equal(sort, SortNames.Parse(name));

    [Theory]
    [InlineData(ErrorKind.Validation, StatusCode.InvalidArgument, 400)]
    [InlineData(ErrorKind.NotFound, StatusCode.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, StatusCode.AlreadyExists, 409)]
    [InlineData(ErrorKind.BusinessRule, StatusCode.FailedPrecondition, 422)]
    [InlineData(ErrorKind.Unauthenticated, StatusCode.Unauthenticated, 401)]
    [InlineData(ErrorKind.Forbidden, StatusCode.PermissionDenied, 403)]
    [InlineData(ErrorKind.Unavailable, StatusCode.Unavailable, 503)]
    public void Each_refusal_kind_has_one_grpc_status_and_one_http_status(ErrorKind kind, StatusCode grpc, int http)
    {
        Assert.Equal(grpc, StatusMapping.ToGrpc(kind));
        Assert.Equal(http, StatusMapping.ToHttp(grpc));
    }

    [Theory]
    [InlineData(StatusCode.OutOfRange, 400)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Internal, 500)]
    public void Other_grpc_statuses_map_to_http(StatusCode grpc, int http) => Assert.Equal(http, StatusMapping.ToHttp(grpc));

    [Fact]
    public void Orleans_and_timeout_failures_become_unavailable_and_bugs_stay_internal()
    {
        Assert.Equal(StatusCode.Unavailable, ErrorTranslation.Translate(new TimeoutException(), NoClassifiers)!.Value.Error.StatusCode);
        Assert.Equal(StatusCode.Unavailable, ErrorTranslation.Translate(new Orleans.Runtime.SiloUnavailableException(), NoClassifiers)!.Value.Error.StatusCode);
        Assert.Null(ErrorTranslation.Translate(new InvalidOperationException(), NoClassifiers));
    }

    [Fact]
    public void A_transcoded_grpc_status_body_becomes_a_problem_with_the_mapped_status()
    {
        var body = """{"code":9,"message":"Cannot cancel a confirmed order.","details":[]}"""u8;

        var problem = ProblemFactory.Create(400, body, new GatewayError("order.confirmed", null));

        Assert.Equal(422, problem.Status);
        Assert.Equal("Cannot cancel a confirmed order.", problem.Detail);
        Assert.Equal("order.confirmed", problem.Extensions["code"]);
        Assert.False(problem.Extensions.ContainsKey("errors"));
    }

    [Fact]
    public void An_empty_error_body_becomes_a_problem_with_the_pipeline_status()
    {
        var problem = ProblemFactory.Create(413, [], null);

        Assert.Equal(413, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.False(string.IsNullOrEmpty(problem.Detail));
    }

    [Fact]
    public void A_storage_outage_inside_an_Orleans_failure_becomes_503_storage_unavailable_through_the_silos_classifier()
    {
        var outage = new Orleans.Runtime.OrleansException("Activation failed",
            new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.UnableToConnect, "No connection is available"));

        var translated = ErrorTranslation.Translate(outage, new DependencyOutage([new StorageOutageClassifier()]));

        Assert.Equal((StatusCode.Unavailable, DependencyOutage.Code), (translated!.Value.Error.StatusCode, translated.Value.Info.Code));
        Assert.Null(ErrorTranslation.Translate(outage, NoClassifiers));
    }
}
