#!/usr/bin/env bash
# Plays Kubernetes on one machine: N silos and M gateways as processes of this checkout's Release build, on a
# throwaway PostgreSQL, Redis and librdkafka's mock Kafka (tools/KafkaMock), each process with ports of its own.
#
#   tools/cluster.sh up [--silos N] [--gateways M]   build, start the servers, migrate, start the processes (2 and 1)
#   tools/cluster.sh scale silos N | scale gateways M  start or gracefully stop processes until there are N (M)
#   tools/cluster.sh rolling-restart silos|gateways     one by one: start a new one, wait until ready, stop an old one
#   tools/cluster.sh status                             every process with pid, HTTP port and readiness
#   tools/cluster.sh kill silo|gateway I                SIGKILL one process (a crashed pod; for fault tests)
#   tools/cluster.sh down                               stop everything and delete the cluster's folder
#
# State lives in $SHOP_CLUSTER_DIR (default /tmp/shop-cluster). The building blocks are in tools/cluster-lib.sh.
set -uo pipefail
# shellcheck source=tools/cluster-lib.sh
. "$(dirname "$0")/cluster-lib.sh"

usage() { sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//' >&2; }
die() { echo "cluster: $*" >&2; exit 2; }

# Validates in this shell (a die inside $(...) would only end the subshell): sets KIND, or checks a count.
kind_of() {
  case "${1:-}" in
    silos|silo) KIND=silo ;;
    gateways|gateway) KIND=gateway ;;
    *) die "expected silos or gateways, got '${1:-}'" ;;
  esac
}

check_count() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] || die "expected a number, got '${1:-}'"
  [ "$1" -le 16 ] || die "at most 16 processes of a kind on one machine, got $1"
}

require_up() { [ -f "$CLUSTER_DIR/env" ] || die "no cluster is up in $CLUSTER_DIR; run: tools/cluster.sh up"; }

# The newest installed PostgreSQL's programs (Debian puts each major version in a folder of its own).
postgres_bin() { find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1; }

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_servers() {
  local pg_bin pg_port redis_port kafka_log bootstrap="" port_base
  pg_bin="$(postgres_bin)"
  [ -x "$pg_bin/initdb" ] || die "PostgreSQL is not installed (apt-get install postgresql)"
  command -v redis-server >/dev/null || die "redis-server is not installed (apt-get install redis-server)"
  mkdir -p "$CLUSTER_DIR/postgres/sockets"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$CLUSTER_DIR/postgres"
  pg_port="$(cluster_free_port)"
  as_postgres "$pg_bin/initdb" -D "$CLUSTER_DIR/postgres/data" --auth=trust -U postgres >/dev/null || die "initdb failed"
  as_postgres "$pg_bin/pg_ctl" -D "$CLUSTER_DIR/postgres/data" -l "$CLUSTER_DIR/postgres/log" -w \
    -o "-p $pg_port -k $CLUSTER_DIR/postgres/sockets -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
    || die "PostgreSQL did not start; see $CLUSTER_DIR/postgres/log"
  as_postgres "$pg_bin/../bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres shop 2>/dev/null \
    || psql -h 127.0.0.1 -p "$pg_port" -U postgres -c 'CREATE DATABASE shop' >/dev/null || die "could not create database shop"
  redis_port="$(cluster_free_port)"
  mkdir -p "$CLUSTER_DIR/redis"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$CLUSTER_DIR/redis" \
    --daemonize yes --pidfile "$CLUSTER_DIR/redis/pid" --logfile "$CLUSTER_DIR/redis/log" || die "redis-server did not start"
  kafka_log="$CLUSTER_DIR/kafka-mock.log"
  (cd "$CLUSTER_REPO/tools/KafkaMock/bin/Release/net10.0" && exec setsid dotnet KafkaMock.dll --partitions 8 > "$kafka_log" 2>&1) &
  echo $! > "$CLUSTER_DIR/kafka-mock.pid"
  for _ in $(seq 1 120); do
    bootstrap="$(sed -n 's/^Bootstrap servers: //p' "$kafka_log" 2>/dev/null)"
    [ -n "$bootstrap" ] && break
    sleep 0.5
  done
  [ -n "$bootstrap" ] || die "the Kafka mock did not start; see $kafka_log"
  # Values are quoted: connection strings hold ";", which the shell would read as a command separator.
  port_base="$(cluster_free_port_block)" || die "no block of $(( 2 * CLUSTER_SLOTS )) free ports for the silos"
  cat > "$CLUSTER_DIR/env" <<ENV
CLUSTER_PORT_BASE='$port_base'
ASPNETCORE_ENVIRONMENT='Production'
ConnectionStrings__Postgres='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=shop'
ConnectionStrings__Redis='127.0.0.1:$redis_port'
Shop__Orleans__Clustering='AdoNet'
Shop__Orleans__ClusterId='cluster'
Shop__Storage__Default='Postgres'
Shop__Storage__carts='Redis'
Shop__Streams__Provider='Kafka'
Shop__Kafka__BootstrapServers='$bootstrap'
Shop__Kafka__Partitions='8'
Shop__Kafka__FetchWaitMax='00:00:00.005'
Shop__Seed__Demo='true'
Shop__Auth__SigningKey='$(head -c 48 /dev/urandom | base64 | tr -d '\n')'
Shop__Admin__Email='admin@shop.local'
Shop__Admin__Password='ChangeMe-Admin-1'
ENV
}

up() {
  local silos=2 gateways=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) check_count "${2:-}"; silos="$2"; shift 2 ;;
      --gateways) check_count "${2:-}"; gateways="$2"; shift 2 ;;
      *) die "unknown option '$1' (up takes --silos N --gateways M)" ;;
    esac
  done
  [ "$silos" -ge 1 ] || die "a cluster needs at least one silo"
  [ -f "$CLUSTER_DIR/env" ] && die "a cluster is already up in $CLUSTER_DIR; run: tools/cluster.sh down"
  mkdir -p "$CLUSTER_DIR"
  echo "cluster: building (Release)..."
  for project in Silo/Shop.Silo.csproj ApiGateway/Shop.ApiGateway.csproj tools/KafkaMock/KafkaMock.csproj; do
    dotnet build "$CLUSTER_REPO/$project" -c Release -nologo -v q > "$CLUSTER_DIR/build.log" 2>&1 || die "building $project failed; see $CLUSTER_DIR/build.log"
  done
  start_servers
  (set -a; . "$CLUSTER_DIR/env"; set +a; cd "$(dirname "$(cluster_dll silo)")" && dotnet "$(cluster_dll silo)" migrate) > "$CLUSTER_DIR/migrate.log" 2>&1 \
    || die "migrate failed; see $CLUSTER_DIR/migrate.log"
  scale silo "$silos"
  scale gateway "$gateways"
  status
}

scale() {
  local kind="$1" want="$2" running
  mapfile -t running < <(cluster_instances "$kind")
  [ "$kind" = silo ] && [ "$want" -lt 1 ] && die "a cluster needs at least one silo"
  while [ "${#running[@]}" -lt "$want" ]; do
    local index
    index="$(cluster_next_index "$kind")"
    echo "cluster: starting $kind $index"
    cluster_start_instance "$kind" "$index" || exit 1
    running+=("$index")
  done
  while [ "${#running[@]}" -gt "$want" ]; do
    local last=$(( ${#running[@]} - 1 ))
    echo "cluster: stopping $kind ${running[$last]}"
    cluster_stop_instance "$kind" "${running[$last]}"
    unset "running[$last]"
  done
}

rolling_restart() {
  local kind="$1" old index
  mapfile -t old < <(cluster_instances "$kind")
  [ "${#old[@]}" -gt 0 ] || die "no $kind is running"
  for previous in "${old[@]}"; do
    index="$(cluster_next_index "$kind")"
    echo "cluster: $kind $index replaces $kind $previous"
    cluster_start_instance "$kind" "$index" || exit 1
    cluster_stop_instance "$kind" "$previous"
  done
}

status() {
  local kind index state
  printf '%-8s %-5s %-8s %-6s %s\n' KIND INDEX PID HTTP STATE
  for kind in silo gateway; do
    for index in $(cluster_instances "$kind"); do
      if cluster_ready "$kind" "$index"; then state=ready; else state=not-ready; fi
      printf '%-8s %-5s %-8s %-6s %s\n' "$kind" "$index" "$(cluster_pid "$kind" "$index")" "$(cluster_http_port "$kind" "$index")" "$state"
    done
  done
}

down() {
  [ -d "$CLUSTER_DIR" ] || die "no cluster in $CLUSTER_DIR"
  local kind index
  for kind in gateway silo; do
    for index in $(cluster_instances "$kind"); do cluster_stop_instance "$kind" "$index"; done
  done
  [ -f "$CLUSTER_DIR/kafka-mock.pid" ] && kill "$(cat "$CLUSTER_DIR/kafka-mock.pid")" 2>/dev/null
  [ -f "$CLUSTER_DIR/redis/pid" ] && kill "$(cat "$CLUSTER_DIR/redis/pid")" 2>/dev/null
  [ -d "$CLUSTER_DIR/postgres/data" ] && as_postgres "$(postgres_bin)/pg_ctl" -D "$CLUSTER_DIR/postgres/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$CLUSTER_DIR"
  echo "cluster: down"
}

verb="${1:-}"
shift || true
case "$verb" in
  up) up "$@" ;;
  scale)
    [ $# -eq 2 ] || die "usage: tools/cluster.sh scale silos|gateways N"
    kind_of "$1"; check_count "$2"; require_up; scale "$KIND" "$2"; status ;;
  rolling-restart)
    [ $# -eq 1 ] || die "usage: tools/cluster.sh rolling-restart silos|gateways"
    kind_of "$1"; require_up; rolling_restart "$KIND"; status ;;
  status) require_up; status ;;
  kill)
    [ $# -eq 2 ] || die "usage: tools/cluster.sh kill silo|gateway INDEX"
    kind_of "$1"; require_up; cluster_kill_instance "$KIND" "$2" || exit 1 ;;
  down) down ;;
  ""|-h|--help|help) usage; exit 2 ;;
  *) die "unknown verb '$verb' (up, scale, rolling-restart, status, kill, down)" ;;
esac
