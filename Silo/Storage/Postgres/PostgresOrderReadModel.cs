using System.Text;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Shop.Common;
using Shop.Grains.Orders.ReadModel;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Silo.Storage.Postgres;

/// <summary>
/// The order read model in PostgreSQL tables of the shop's own (migration 0004): <c>shop_order_events</c> holds each
/// event once by (order id, event id), <c>shop_orders</c> the summary that <see cref="OrderProjection"/> folds from
/// all of an order's events. Recording takes a transaction-scoped advisory lock per order, so two writers of one
/// order (a rebuild beside the stream) fold one after the other.
/// </summary>
public sealed class PostgresOrderReadModel(string connectionString, Serializer serializer) : IOrderReadModel, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    private const string Columns =
        "order_id, user_id, customer_email, status, reason, payment_method, payment_status, total_minor, currency, refunded_minor, skus, created_at, last_step_at, last_step";

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <inheritdoc />
    public async Task<bool> Record(OrderEvent orderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockOrder(connection, transaction, orderEvent.OrderId, cancellationToken).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO shop_order_events (order_id, event_id, occurred_at, kind, payload) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            connection,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = orderEvent.OrderId });
            insert.Parameters.Add(new NpgsqlParameter { Value = orderEvent.EventId });
            insert.Parameters.Add(new NpgsqlParameter { Value = orderEvent.OccurredAt.ToUniversalTime() });
            insert.Parameters.Add(new NpgsqlParameter { Value = OrderProjection.Kind(orderEvent) });
            insert.Parameters.Add(new NpgsqlParameter { Value = serializer.SerializeToArray(orderEvent) });
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        var events = await ReadEvents(connection, transaction, orderEvent.OrderId, cancellationToken).ConfigureAwait(false);
        if (OrderProjection.Summarize(events) is { } summary)
        {
            await Upsert(connection, transaction, summary, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<OrderSearchPage> Search(OrderSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<OrderStatus, int>();
        await using (var count = new NpgsqlCommand { Connection = connection })
        {
            var where = Filters(count, search with { Status = null });
            count.CommandText = $"SELECT status, count(*) FROM shop_orders{where} GROUP BY status";
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[(OrderStatus)reader.GetInt16(0)] = (int)reader.GetInt64(1);
            }
        }

        var total = search.Status is { } status ? counts.GetValueOrDefault(status) : counts.Values.Sum();
        await using var page = new NpgsqlCommand { Connection = connection };
        var filters = Filters(page, search);
        page.Parameters.AddWithValue("limit", search.PageSize);
        page.Parameters.AddWithValue("offset", (search.Page - 1) * search.PageSize);
        page.CommandText = $"SELECT {Columns} FROM shop_orders{filters} ORDER BY {OrderBy(search.Sort)} LIMIT @limit OFFSET @offset";
        return new OrderSearchPage
        {
            Items = await ReadSummaries(page, cancellationToken).ConfigureAwait(false),
            Total = total,
            StatusCounts = counts,
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrderEvent>> Events(Guid orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return OrderProjection.Ordered(await ReadEvents(connection, null, orderId, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<OrderSummary?> Find(Guid orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM shop_orders WHERE order_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        var rows = await ReadSummaries(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<StuckOrders> Stuck(DateTimeOffset lastStepBefore, int limit, CancellationToken cancellationToken = default)
    {
        const string Open = "status NOT IN (3, 4) AND last_step_at < $1";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<OrderStatus, int>();
        await using (var count = new NpgsqlCommand($"SELECT status, count(*) FROM shop_orders WHERE {Open} GROUP BY status", connection))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = lastStepBefore.ToUniversalTime() });
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[(OrderStatus)reader.GetInt16(0)] = (int)reader.GetInt64(1);
            }
        }

        await using var list = new NpgsqlCommand($"SELECT {Columns} FROM shop_orders WHERE {Open} ORDER BY last_step_at, order_id LIMIT $2", connection);
        list.Parameters.Add(new NpgsqlParameter { Value = lastStepBefore.ToUniversalTime() });
        list.Parameters.Add(new NpgsqlParameter { Value = limit });
        return new StuckOrders { LastStepBefore = lastStepBefore, Counts = counts, Items = await ReadSummaries(list, cancellationToken).ConfigureAwait(false) };
    }

    /// <inheritdoc />
    public async Task<int> Rebuild(CancellationToken cancellationToken = default)
    {
        await using var reading = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var writing = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await writing.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Recording waits for this lock per order (shared): a rebuild sees every event recorded before it truncates,
        // and events recorded meanwhile wait and fold after it.
        await using (var truncate = new NpgsqlCommand("LOCK TABLE shop_order_events IN SHARE MODE; TRUNCATE shop_orders", writing, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var read = new NpgsqlCommand("SELECT order_id, payload FROM shop_order_events ORDER BY order_id", reading);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var orders = 0;
        Guid? current = null;
        var events = new List<OrderEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var orderId = reader.GetGuid(0);
            if (current is { } done && done != orderId)
            {
                orders += await Refold(writing, transaction, events, cancellationToken).ConfigureAwait(false);
                events.Clear();
            }

            current = orderId;
            events.Add(Deserialize(reader.GetFieldValue<byte[]>(1)));
        }

        orders += await Refold(writing, transaction, events, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return orders;
    }

    private static async Task<int> Refold(NpgsqlConnection connection, NpgsqlTransaction transaction, List<OrderEvent> events, CancellationToken cancellationToken)
    {
        if (OrderProjection.Summarize(events) is not { } summary)
        {
            return 0;
        }

        await Upsert(connection, transaction, summary, cancellationToken).ConfigureAwait(false);
        return 1;
    }

    private static async Task LockOrder(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = BitConverter.ToInt64(orderId.ToByteArray(), 0) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<OrderEvent>> ReadEvents(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT payload FROM shop_order_events WHERE order_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<OrderEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(Deserialize(reader.GetFieldValue<byte[]>(0)));
        }

        return events;
    }

    private OrderEvent Deserialize(byte[] payload) =>
        serializer.Deserialize<OrderEvent>(payload) ?? throw new InvalidOperationException("A recorded order event reads as null.");

    private static async Task Upsert(NpgsqlConnection connection, NpgsqlTransaction transaction, OrderSummary s, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO shop_orders ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (order_id) DO UPDATE SET
                customer_email = excluded.customer_email, status = excluded.status, reason = excluded.reason,
                payment_status = excluded.payment_status, refunded_minor = excluded.refunded_minor,
                last_step_at = excluded.last_step_at, last_step = excluded.last_step
            """,
            connection,
            transaction);
        object?[] values =
        [
            s.OrderId, s.UserId, s.CustomerEmail, (short)s.Status, (short)s.Reason, (short)s.PaymentMethod, (short)s.PaymentStatus,
            s.Total.AmountMinor, s.Total.Currency, s.Refunded?.AmountMinor, s.Skus.ToArray(), s.CreatedAt.ToUniversalTime(),
            s.LastStepAt.ToUniversalTime(), s.LastStep,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint } : new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<OrderSummary>> ReadSummaries(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<OrderSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var currency = reader.GetString(8);
            rows.Add(new OrderSummary
            {
                OrderId = reader.GetGuid(0),
                UserId = reader.GetGuid(1),
                CustomerEmail = reader.GetString(2),
                Status = (OrderStatus)reader.GetInt16(3),
                Reason = (CancellationReason)reader.GetInt16(4),
                PaymentMethod = (PaymentMethod)reader.GetInt16(5),
                PaymentStatus = (PaymentStatus)reader.GetInt16(6),
                Total = new Money(reader.GetInt64(7), currency),
                Refunded = reader.IsDBNull(9) ? null : new Money(reader.GetInt64(9), currency),
                Skus = reader.GetFieldValue<string[]>(10),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(11),
                LastStepAt = reader.GetFieldValue<DateTimeOffset>(12),
                LastStep = reader.GetString(13),
            });
        }

        return rows;
    }

    /// <summary>Adds the WHERE clause of the search's filters (named parameters) to the command; empty when none.</summary>
    private static string Filters(NpgsqlCommand command, OrderSearch q)
    {
        var where = new List<string>();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            command.Parameters.AddWithValue(name, value);
        }

        if (q.Status is { } status)
        {
            Add("status = @status", "status", (short)status);
        }

        if (q.PlacedFrom is { } from)
        {
            Add("created_at >= @from", "from", from.ToUniversalTime());
        }

        if (q.PlacedTo is { } to)
        {
            Add("created_at < @to", "to", to.ToUniversalTime());
        }

        if (q.CustomerEmail is { } email)
        {
            Add("customer_email = @email", "email", email.ToLowerInvariant());
        }

        if (q.Sku is { } sku)
        {
            Add("skus @> @skus", "skus", new[] { sku });
        }

        if (q.PaymentMethod is { } method)
        {
            Add("payment_method = @method", "method", (short)method);
        }

        if (q.MinTotalMinor is { } min)
        {
            Add("total_minor >= @min", "min", min);
        }

        if (q.MaxTotalMinor is { } max)
        {
            Add("total_minor <= @max", "max", max);
        }

        if (q.UserId is { } user)
        {
            Add("user_id = @user", "user", user);
        }

        return where.Count == 0 ? "" : new StringBuilder(" WHERE ").AppendJoin(" AND ", where).ToString();
    }

    private static string OrderBy(OrderSort sort) => sort switch
    {
        OrderSort.Oldest => "created_at, order_id",
        OrderSort.TotalDescending => "total_minor DESC, created_at DESC, order_id",
        OrderSort.TotalAscending => "total_minor, created_at DESC, order_id",
        OrderSort.LastStepOldest => "last_step_at, order_id",
        _ => "created_at DESC, order_id",
    };
}
