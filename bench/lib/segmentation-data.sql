-- Seeded customers and orders for the segmentation benchmark, written set-wise as the server's
-- superuser. psql variables: tenant (uuid), customers (count). Purchase behaviour is BG/NBD-like:
-- each customer buys at an exponentially distributed daily rate until an exponentially distributed
-- lifetime ends (or the two-year window does); spend per order is log-normal around the
-- customer's own log-normal level (heavy-tailed). About ten orders a customer, 1-3 lines each
-- from a catalogue of 500 products with a skewed popularity.
SELECT setseed(0.20261123);
CREATE TEMP TABLE bench_people AS
SELECT n,
       md5('ckm-bench-customer-' || n)::uuid AS id,
       floor(random() * 700)::int AS first_day,
       -ln(1 - random()) * 300 AS lifetime,
       0.005 + -ln(1 - random()) * 0.04 AS rate,
       exp(3.6 + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS level
  FROM generate_series(1, :customers) AS n;
CREATE TEMP TABLE bench_counts AS
SELECT id, first_day, level, greatest(0, least(lifetime, 730 - first_day)) AS active,
       1 + floor(rate * greatest(0, least(lifetime, 730 - first_day)))::int AS orders
  FROM bench_people;
INSERT INTO customers (tenant_id, id, display_name, email, country, created_at, updated_at)
SELECT :'tenant', p.id, 'Customer ' || p.n, 'customer' || p.n || '@bench.example', (ARRAY['GB','DE','FR','IE','ES','NL'])[1 + p.n % 6],
       timestamptz '2024-01-01 00:00Z' + make_interval(days => p.first_day), now()
  FROM bench_people p;
CREATE TEMP TABLE bench_orders AS
SELECT md5('ckm-bench-order-' || c.id || '-' || i)::uuid AS id, c.id AS customer_id,
       timestamptz '2024-01-01 09:00Z' + make_interval(days => c.first_day)
         + CASE WHEN i = 1 THEN interval '0' ELSE make_interval(secs => random() * c.active * 86400) END AS ordered_at,
       greatest(100, round(c.level * 100 * exp(0.5 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::bigint AS total,
       1 + floor(random() * 3)::int AS lines
  FROM bench_counts c, generate_series(1, c.orders) AS i;
INSERT INTO orders (tenant_id, id, customer_id, source, external_id, status, currency, total_minor, ordered_at)
SELECT :'tenant', o.id, o.customer_id, 'bench', o.id::text, 'paid', 'EUR', o.total, o.ordered_at FROM bench_orders o;
INSERT INTO order_lines (tenant_id, order_id, line_no, sku, title, quantity, unit_price_minor)
SELECT :'tenant', o.id, l, 'P' || p, 'Product ' || p, 1, greatest(1, o.total / o.lines)
  FROM bench_orders o, generate_series(1, o.lines) AS l, LATERAL (SELECT floor(500 * power(random(), 3))::int + l * 0 AS p) AS pick;
ANALYZE customers; ANALYZE orders; ANALYZE order_lines;
