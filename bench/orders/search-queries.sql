\timing on
-- default list: counts per status + first page
SELECT status, count(*) FROM shop_orders GROUP BY status;
SELECT order_id FROM shop_orders ORDER BY created_at DESC, order_id LIMIT 20 OFFSET 0;
-- by customer e-mail
SELECT status, count(*) FROM shop_orders WHERE customer_email = 'customer42@example.com' GROUP BY status;
SELECT order_id FROM shop_orders WHERE customer_email = 'customer42@example.com' ORDER BY created_at DESC, order_id LIMIT 20;
-- by SKU + status
SELECT status, count(*) FROM shop_orders WHERE skus @> ARRAY['SKU-7'] GROUP BY status;
SELECT order_id FROM shop_orders WHERE skus @> ARRAY['SKU-7'] AND status = 3 ORDER BY created_at DESC, order_id LIMIT 20;
-- date window + total range + method, sorted by total
SELECT status, count(*) FROM shop_orders WHERE created_at >= now() - interval '30 days' AND total_minor BETWEEN 1000 AND 5000 AND payment_method = 0 GROUP BY status;
SELECT order_id FROM shop_orders WHERE created_at >= now() - interval '30 days' AND total_minor BETWEEN 1000 AND 5000 AND payment_method = 0 ORDER BY total_minor DESC, created_at DESC, order_id LIMIT 20;
-- deep page (offset 9980)
SELECT order_id FROM shop_orders ORDER BY created_at DESC, order_id LIMIT 20 OFFSET 9980;
-- stuck
SELECT status, count(*) FROM shop_orders WHERE status NOT IN (3, 4) AND last_step_at < now() - interval '10 minutes' GROUP BY status;
