TRUNCATE shop_orders;
INSERT INTO shop_orders
SELECT gen_random_uuid(),
       md5('u' || (i % (:n / 10)))::uuid,
       'customer' || (i % (:n / 10)) || '@example.com',
       CASE WHEN i % 50 = 0 THEN 0 WHEN i % 50 = 1 THEN 1 WHEN i % 50 < 6 THEN 4 ELSE 3 END,
       CASE WHEN i % 50 BETWEEN 2 AND 5 THEN 2 ELSE 0 END,
       CASE WHEN i % 10 < 7 THEN 0 ELSE 1 END,
       CASE WHEN i % 10 < 7 THEN 2 ELSE 4 END,
       (500 + (i * 7919) % 50000)::bigint, 'EUR', NULL,
       ARRAY['SKU-' || (i % 1000), 'SKU-' || ((i * 31) % 1000)],
       now() - ((i % 180) || ' days')::interval - ((i * 13 % 86400) || ' seconds')::interval,
       now() - ((i % 180) || ' days')::interval - ((i * 13 % 86400) || ' seconds')::interval + interval '5 seconds',
       'order_confirmed'
FROM generate_series(1, :n) AS i;
ANALYZE shop_orders;
