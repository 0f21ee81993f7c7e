#!/usr/bin/env bash
# Measures the shop on this machine (DESIGN.md section 8) and writes bench/results/<date>-<profile>.md, .json and .html
# (plots), then prints what moved beyond the run-to-run noise since the previous report of the same profile (kept
# beside the report as .compare.txt).
#
#   bench/run.sh [embedded]           the one-process shop on embedded defaults (memory storage and streams)
#   bench/run.sh postgres-redis-kafka the one-process shop on production storage: state, reminders and membership in
#                                     PostgreSQL, carts in Redis, the saga on Kafka (librdkafka's mock cluster)
#
# In one run: the shop's start time (process start to /healthz 200), the ceilings (wrk on a bare Kestrel endpoint
# returning a product's JSON, pgbench single-row upserts, redis-benchmark SET), the managed heap per idle cart
# activation, then the load suite: every scenario first at its maximum with a fixed set of users, then at half of
# that maximum with a constant arrival rate (the latency target's condition), and the flash sale; then the overload
# model for checkout and browse (<date>-<profile>-overload.md).
# Tunables (environment): BENCH_DURATION (15s per measured phase), BENCH_WARMUP (5s), BENCH_USERS (64),
# BENCH_CARTS (100000), BENCH_CEILING_SECONDS (10), BENCH_BUYERS (200) / BENCH_UNITS (20), BENCH_OVERLOAD (1; 0 skips the
# overload model), BENCH_OVERLOAD_CHECKOUT_RATE (50) / BENCH_OVERLOAD_BROWSE_RATE (2500): the ramps go from half of
# these to 8 x them.
# Installs what it needs (wrk, postgresql, redis-server) with apt-get when run as root. Unattended, about 8-10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-embedded}"
case "$profile" in
  embedded|postgres-redis-kafka) ;;
  *) echo "bench/run.sh: unknown profile '$profile' (embedded or postgres-redis-kafka)" >&2; exit 2 ;;
esac

duration="${BENCH_DURATION:-15s}"
warmup="${BENCH_WARMUP:-5s}"
users="${BENCH_USERS:-64}"
carts="${BENCH_CARTS:-100000}"
ceiling_seconds="${BENCH_CEILING_SECONDS:-10}"
buyers="${BENCH_BUYERS:-200}"
# The search scenario draws its words from the 36 demo products, so with the page cache on nearly every search is a
# repeat answered from the cache; off by default, the scenario measures the search itself.
search_page_cache="${BENCH_SEARCH_PAGE_CACHE:-0}"
units="${BENCH_UNITS:-20}"
# Debian puts each major version's server programs under /usr/lib/postgresql/MAJOR/bin; take the newest installed
# (SHOP_TEST_POSTGRES_BIN names another folder, as for the tests).
pgbin=${SHOP_TEST_POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
pgbin=${pgbin:-/usr/lib/postgresql/15/bin}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "bench: $*" >&2; }

install_missing() {
  local need=()
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  [ -x "$pgbin/initdb" ] && [ -x "$pgbin/pgbench" ] || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 && command -v redis-benchmark >/dev/null 2>&1 || need+=(redis-server redis-tools)
  [ ${#need[@]} -eq 0 ] && return
  [ "$(id -u)" -eq 0 ] || { echo "bench/run.sh: missing ${need[*]} (run as root to install them)" >&2; exit 2; }
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
}

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

work="$(mktemp -d /tmp/shop-bench.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/pg/postmaster.pid" ]; then as_postgres "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  if [ -f "$work/redis.pid" ]; then kill "$(cat "$work/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_for() { # url seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "bench/run.sh: $1 did not answer within $2 s" >&2; tail -n 30 "$work"/*.log >&2 || true; exit 1; }
    sleep 0.05
  done
}

install_missing
log "building (Release)"
for project in ApiGateway/Shop.ApiGateway.csproj tests/Shop.LoadTests/Shop.LoadTests.csproj tools/KafkaMock/KafkaMock.csproj \
               bench/Shop.Bench.Kestrel/Shop.Bench.Kestrel.csproj bench/Shop.Benchmarks/Shop.Benchmarks.csproj; do
  dotnet build "$project" -c Release -nologo -v q >/dev/null
done
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

# 1. PostgreSQL and Redis: the ceilings' servers, and the shop's storage in the postgres-redis-kafka profile. Both are
# throwaway, in memory or in $work, configured as the integration tests' fixtures (fsync=off).
log "starting PostgreSQL and Redis"
pg_port="$(free_port)"
mkdir -p "$work/pg" "$work/pgsock" && chown -R postgres "$work/pg" "$work/pgsock" 2>/dev/null || true
as_postgres "$pgbin/initdb" -D "$work/pg" --auth=trust -U postgres >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
  -o "-p $pg_port -k $work/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
"$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE TABLE kv (k int PRIMARY KEY, v text NOT NULL)"
"$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE shop"
redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log"
wait_redis=0; until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.05; wait_redis=$((wait_redis+1)); [ $wait_redis -lt 200 ] || exit 1; done

# The profile's settings for the shop, and its Kafka mock cluster.
profile_env=()
profile_note="Profile embedded: co-hosted silo, memory storage and streams, Lucene index on disk, test payment gateway, e-mails as .eml files"
if [ "$profile" = "postgres-redis-kafka" ]; then
  partitions="${BENCH_KAFKA_PARTITIONS:-8}"
  log "starting the Kafka mock cluster ($partitions partitions)"
  dotnet tools/KafkaMock/bin/Release/net10.0/KafkaMock.dll --partitions "$partitions" >"$work/kafka.log" 2>&1 &
  pids+=($!)
  deadline=$(( $(date +%s) + 60 ))
  until grep -q '^Bootstrap servers: ' "$work/kafka.log"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "bench/run.sh: the Kafka mock cluster did not start" >&2; cat "$work/kafka.log" >&2; exit 1; }
    sleep 0.1
  done
  bootstrap="$(sed -n 's/^Bootstrap servers: //p' "$work/kafka.log" | head -n 1)"
  profile_env=(
    "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=shop;Maximum Pool Size=100"
    "ConnectionStrings__Redis=127.0.0.1:$redis_port"
    Shop__Orleans__Clustering=AdoNet Shop__Storage__Default=Postgres Shop__Storage__carts=Redis
    Shop__Streams__Provider=Kafka "Shop__Kafka__BootstrapServers=$bootstrap" "Shop__Kafka__Partitions=$partitions"
    Shop__Kafka__FetchWaitMax=00:00:00.005   # the mock holds an empty fetch for the whole wait; a real broker does not
  )
  profile_note="Profile postgres-redis-kafka: co-hosted silo; grain state, reminders and membership in PostgreSQL 15 (fsync=off, as the test fixtures), carts in Redis, the saga on Kafka through librdkafka's mock cluster (tools/KafkaMock, $partitions partitions, 3 brokers in one process on this machine); Lucene index on disk, test payment gateway, e-mails as .eml files"
fi

# 2. Start: process start to /healthz 200 (Development: demo catalog and admin).
shop_port="$(free_port)"
shop="http://127.0.0.1:$shop_port"
log "starting the shop on $shop"
started_ns=$(date +%s%N)
( cd "$work" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$shop" \
  Shop__Gateway__GrpcPort=0 Shop__Orleans__SiloPort="$(free_port)" Shop__Orleans__GatewayPort="$(free_port)" \
  Shop__Orleans__ClusterId="bench-$$" Shop__RateLimits__Auth__PermitLimit=1000000 Shop__Auth__PasswordHashIterations=1000 \
  Shop__Search__Lucene__Path="$work/search" Shop__Email__PickupFolder="$work/mail" \
  Shop__Search__Lucene__SearchPageCacheSize="$search_page_cache" \
  Logging__LogLevel__Default=Warning \
  exec env ${profile_env[@]+"${profile_env[@]}"} dotnet "$OLDPWD/ApiGateway/bin/Release/net10.0/Shop.ApiGateway.dll" >"$work/shop.log" 2>&1 ) &
pids+=($!)
wait_for "$shop/healthz" 120
start_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
wait_for "$shop/readyz" 60
ready_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
log "healthz 200 after $start_ms ms, readyz after $ready_ms ms"
deadline=$(( $(date +%s) + 60 ))
until curl -sf "$shop/v1/products?pageSize=1" | grep -q '"sku"'; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "bench/run.sh: the demo catalog never appeared" >&2; exit 1; }
  sleep 0.2
done
sku="$(curl -sf "$shop/v1/products?pageSize=1" | sed -E 's/.*"sku":"([^"]+)".*/\1/')"
curl -sf "$shop/v1/products/$sku" >"$work/product.json"

# 3. Ceilings.
kestrel_port="$(free_port)"
ASPNETCORE_URLS="http://127.0.0.1:$kestrel_port" dotnet bench/Shop.Bench.Kestrel/bin/Release/net10.0/Shop.Bench.Kestrel.dll "$work/product.json" >"$work/kestrel.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$kestrel_port/v1/products/$sku" 60
wrk_rps() { wrk -t2 -c64 -d"${ceiling_seconds}s" "$1" | awk '/^Requests\/sec:/ { print $2 }'; }
log "wrk on the bare Kestrel endpoint"
wrk "http://127.0.0.1:$kestrel_port/v1/products/$sku" -t2 -c64 -d2s >/dev/null   # JIT warm-up
kestrel_rps="$(wrk_rps "http://127.0.0.1:$kestrel_port/v1/products/$sku")"
kill "${pids[-1]}" 2>/dev/null || true
log "wrk on the shop's GET /v1/products/$sku"
shop_rps="$(wrk_rps "$shop/v1/products/$sku")"

log "pgbench single-row upserts"
cat >"$work/upsert.sql" <<'SQL'
\set k random(1, 100000)
INSERT INTO kv (k, v) VALUES (:k, 'value') ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v;
SQL
pg_tps="$("$pgbin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c 16 -j 2 -T "$ceiling_seconds" -f "$work/upsert.sql" postgres 2>/dev/null \
  | awk '/^tps = / { print $3; exit }')"

log "redis-benchmark SET"
redis_rps="$(redis-benchmark -p "$redis_port" -t set -n 200000 -c 50 -q --csv | awk -F'"' '/"SET"/ { print $4 }')"

# 4. Managed heap per idle cart activation (a silo of its own in the benchmark process).
log "memory: $carts idle cart activations"
memory_env=()
if [ "$profile" = "postgres-redis-kafka" ]; then memory_env=(Shop__Storage__carts=Redis "ConnectionStrings__Redis=127.0.0.1:$redis_port"); fi
memory_out="$(env ${memory_env[@]+"${memory_env[@]}"} dotnet bench/Shop.Benchmarks/bin/Release/net10.0/Shop.Benchmarks.dll memory "$carts" | tee /dev/stderr)"
memory_line="$(awk -F= '/^cart_heap_bytes_per_activation=/ { print $2 }' <<<"$memory_out")"
floor_line="$(awk -F= '/^empty_grain_heap_bytes_per_activation=/ { print $2 }' <<<"$memory_out")"

cat >"$work/extras.json" <<JSON
{
  "ceilings": { "kestrelJson": ${kestrel_rps:-0}, "pgbenchUpsert": ${pg_tps:-0}, "redisSet": ${redis_rps:-0} },
  "measurements": [
    { "name": "start: process start to /healthz 200", "value": $start_ms, "unit": "ms", "target": "<= 5000 ms", "command": "dotnet Shop.ApiGateway.dll (Release build, Development, co-hosted silo)" },
    { "name": "start: process start to /readyz 200", "value": $ready_ms, "unit": "ms", "target": "", "command": "same process" },
    { "name": "memory: managed heap per idle cart activation", "value": ${memory_line:-0}, "unit": "bytes", "target": "<= 2048 bytes ($carts carts)", "command": "${memory_env[*]:-} Shop.Benchmarks memory $carts" },
    { "name": "memory: managed heap per activation of an empty grain (Orleans' floor)", "value": ${floor_line:-0}, "unit": "bytes", "target": "", "command": "same process, measured the same way" },
    { "name": "ceiling: bare Kestrel product JSON (wrk -t2 -c64)", "value": ${kestrel_rps:-0}, "unit": "req/s", "target": "", "command": "wrk -t2 -c64 -d${ceiling_seconds}s (bench/Shop.Bench.Kestrel)" },
    { "name": "shop GET /v1/products/{sku} (wrk -t2 -c64)", "value": ${shop_rps:-0}, "unit": "req/s", "target": ">= 30% of the bare Kestrel ceiling", "command": "wrk -t2 -c64 -d${ceiling_seconds}s" },
    { "name": "ceiling: PostgreSQL single-row upserts (pgbench -c16)", "value": ${pg_tps:-0}, "unit": "tps", "target": "", "command": "pgbench -n -c 16 -j 2 -T ${ceiling_seconds} (fsync=off, as the test fixtures)" },
    { "name": "ceiling: Redis SET (redis-benchmark -c50)", "value": ${redis_rps:-0}, "unit": "req/s", "target": "", "command": "redis-benchmark -t set -n 200000 -c 50" }
  ],
  "notes": [
    "$profile_note",
    "Load average (1/5/15 min) before the build: $load_at_start; the generator, the shop and the ceilings share this machine's cores",
    "Search page cache: Shop__Search__Lucene__SearchPageCacheSize=$search_page_cache (the search scenario's words come from the 36 demo products, so a cache would answer nearly every search; 0 measures the search itself)",
    "Load settings: auth rate limit raised (Shop__RateLimits__Auth__PermitLimit=1000000) and cheap password hashing for preparing shoppers; neither is on a measured path"
  ]
}
JSON

# 5. The load suite. A second run on the same day is saved as -run2 (-run3...), never over the first.
out="bench/results/$(date -u +%Y-%m-%d)-$profile"
if [ -e "$out.json" ]; then
  n=2; while [ -e "$out-run$n.json" ]; do n=$((n+1)); done
  out="$out-run$n"
fi
log "load suite -> $out.md"
set +e
dotnet tests/Shop.LoadTests/bin/Release/net10.0/Shop.LoadTests.dll --target "$shop" --scenario all --model saturate \
  --users "$users" --duration "$duration" --warmup "$warmup" --buyers "$buyers" --units "$units" \
  --profile "$profile" --extras "$work/extras.json" --out "$out"
status=$?
set -e
curl -sf "$shop/metrics" | grep -E '^(process_runtime_dotnet|dotnet)_(gc|thread_pool|monitor|exceptions|jit)' >"$out.runtime-metrics.txt" || true

# 5b. Overload (BENCH_OVERLOAD=0 skips it): checkout and browse with the overload model, on the same shop and its
# default admission limits: a ramp finds the max, half of it gives the normal p99, then 10 x max and at once half max
# again. Its own report ($out-overload.md); refusals are expected there, so errors do not fail it.
if [ "${BENCH_OVERLOAD:-1}" != "0" ]; then
  log "overload model (checkout, browse) -> $out-overload.md"
  set +e
  dotnet tests/Shop.LoadTests/bin/Release/net10.0/Shop.LoadTests.dll --target "$shop" --scenario checkout,browse --model overload \
    --rate "checkout=${BENCH_OVERLOAD_CHECKOUT_RATE:-50},browse=${BENCH_OVERLOAD_BROWSE_RATE:-2500}" --max-error-rate 1 \
    --duration "$duration" --warmup "$warmup" --profile "$profile-overload" --extras "$work/extras.json" --out "$out-overload"
  set -e
fi

# 6. What moved since the previous report of this profile (the profile is read from each JSON in bench/results). The
# noise is the spread between the two reports before this one where there are two, else a stated 15%; the output says which.
if [ -f "$out.json" ]; then
  log "comparing with the previous $profile report"
  dotnet tests/Shop.LoadTests/bin/Release/net10.0/Shop.LoadTests.dll compare "$out.json" --results bench/results | tee "$out.compare.txt" || true
fi
exit "$status"
