-- Shop migration 0004: the order read model (the shop staff's order list and timelines).
--
-- Orleans grain state is not queryable, so every saga event of an order is recorded here once, keyed by
-- (order_id, event_id): a duplicate delivery or a replayed stream inserts nothing. shop_orders holds one summary
-- row per order, folded in the silo from all recorded events of that order (so the row does not depend on the
-- order in which events arrived) and refolded by the rebuild. Payloads are the events in Orleans' serializer.
-- Statuses are the numbers of the Shop.Orders.OrderStatus enum (3 CONFIRMED, 4 CANCELLED are final).

CREATE TABLE IF NOT EXISTS shop_order_events
(
    order_id    uuid        NOT NULL,
    event_id    uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind        varchar(40) NOT NULL,
    payload     bytea       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, event_id)
);

CREATE TABLE IF NOT EXISTS shop_orders
(
    order_id       uuid         NOT NULL PRIMARY KEY,
    user_id        uuid         NOT NULL,
    customer_email varchar(254) NOT NULL,
    status         smallint     NOT NULL,
    reason         smallint     NOT NULL,
    payment_method smallint     NOT NULL,
    payment_status smallint     NOT NULL,
    total_minor    bigint       NOT NULL,
    currency       char(3)      NOT NULL,
    refunded_minor bigint       NULL,
    skus           text[]       NOT NULL,
    created_at     timestamptz  NOT NULL,
    last_step_at   timestamptz  NOT NULL,
    last_step      varchar(40)  NOT NULL
);

-- The list's default order, and the filters that narrow it most.
CREATE INDEX IF NOT EXISTS shop_orders_created ON shop_orders (created_at DESC, order_id);
CREATE INDEX IF NOT EXISTS shop_orders_status_created ON shop_orders (status, created_at DESC);
CREATE INDEX IF NOT EXISTS shop_orders_email_created ON shop_orders (customer_email, created_at DESC);
CREATE INDEX IF NOT EXISTS shop_orders_user_created ON shop_orders (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS shop_orders_skus ON shop_orders USING gin (skus);
CREATE INDEX IF NOT EXISTS shop_orders_total ON shop_orders (total_minor);
-- Stuck orders: only the non-final ones are indexed, so the index stays small however many orders are done.
CREATE INDEX IF NOT EXISTS shop_orders_open_last_step ON shop_orders (last_step_at) WHERE status NOT IN (3, 4);
