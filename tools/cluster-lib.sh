# Building blocks of tools/cluster.sh, for scripts that source it (fault tests): start, stop and kill one silo or
# gateway process, and wait for its readiness. Every instance has a folder under $CLUSTER_DIR/<kind>-<n>/ holding
# pid, http port and log. Functions return non-zero with a one-line message on stderr; they never exit the caller.
#   source tools/cluster-lib.sh
#   cluster_start_instance silo 3      # starts silo 3, waits until /readyz answers 200
#   cluster_kill_instance silo 3       # SIGKILL: no graceful leave (a crashed pod)
#   cluster_stop_instance gateway 1    # SIGTERM and wait: a graceful stop (a deleted pod)

CLUSTER_DIR="${SHOP_CLUSTER_DIR:-/tmp/shop-cluster}"
CLUSTER_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER_READY_SECONDS="${SHOP_CLUSTER_READY_SECONDS:-120}"
# The host's shutdown timeout (30 s) plus 5 s, as terminationGracePeriodSeconds in deploy/k8s.
CLUSTER_GRACE_SECONDS=35
# Silos take ports from fixed slots (silo port and gateway port base+slot), so a gateway can be told every silo
# gateway endpoint there may ever be, as a headless Service names whichever silo pods exist.
CLUSTER_SLOTS=16

cluster_fail() { echo "cluster: $*" >&2; return 1; }

cluster_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

cluster_dll() {
  case "$1" in
    silo) echo "$CLUSTER_REPO/Silo/bin/Release/net10.0/Shop.Silo.dll" ;;
    gateway) echo "$CLUSTER_REPO/ApiGateway/bin/Release/net10.0/Shop.ApiGateway.dll" ;;
    *) cluster_fail "unknown kind '$1' (silo or gateway)" ;;
  esac
}

cluster_pid() { cat "$CLUSTER_DIR/$1-$2/pid" 2>/dev/null; }

cluster_is_running() {
  local pid
  pid="$(cluster_pid "$1" "$2")" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Indexes of the running instances of a kind, ascending.
cluster_instances() {
  local dir name
  for dir in "$CLUSTER_DIR/$1"-*/; do
    [ -d "$dir" ] || continue
    name="$(basename "$dir")"
    cluster_is_running "$1" "${name#"$1"-}" && echo "${name#"$1"-}"
  done | sort -n
}

cluster_next_index() {
  local last
  last="$(for dir in "$CLUSTER_DIR/$1"-*/; do [ -d "$dir" ] && basename "$dir"; done | sed "s/^$1-//" | sort -n | tail -1)"
  echo $(( ${last:-0} + 1 ))
}

cluster_http_port() { cat "$CLUSTER_DIR/$1-$2/http-port" 2>/dev/null; }

# A block of 2 x CLUSTER_SLOTS free consecutive ports: silo ports base+1.., gateway ports base+CLUSTER_SLOTS+1..
cluster_free_port_block() {
  python3 - "$CLUSTER_SLOTS" <<'PY'
import random, socket, sys
slots = int(sys.argv[1])
for _ in range(200):
    base = random.randrange(20000, 60000 - 2 * slots)
    sockets = []
    try:
        for port in range(base + 1, base + 2 * slots + 1):
            s = socket.socket(); s.bind(("127.0.0.1", port)); sockets.append(s)
        print(base); break
    except OSError:
        pass
    finally:
        for s in sockets: s.close()
else:
    sys.exit(1)
PY
}

# The lowest slot no running silo holds.
cluster_free_slot() {
  local slot index used
  used="$(for index in $(cluster_instances silo); do cat "$CLUSTER_DIR/silo-$index/slot" 2>/dev/null; done)"
  for slot in $(seq 1 "$CLUSTER_SLOTS"); do
    grep -qx "$slot" <<<"$used" || { echo "$slot"; return 0; }
  done
  cluster_fail "all $CLUSTER_SLOTS silo slots are taken"
}

cluster_ready() {
  local port
  port="$(cluster_http_port "$1" "$2")" || return 1
  [ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = "200" ]
}

cluster_wait_ready() {
  local deadline=$(( $(date +%s) + CLUSTER_READY_SECONDS ))
  until cluster_ready "$1" "$2"; do
    cluster_is_running "$1" "$2" || cluster_fail "$1 $2 exited; see $CLUSTER_DIR/$1-$2/log" || return 1
    [ "$(date +%s)" -lt "$deadline" ] || cluster_fail "$1 $2 not ready after ${CLUSTER_READY_SECONDS} s; see $CLUSTER_DIR/$1-$2/log" || return 1
    sleep 0.5
  done
}

# Starts instance <kind> <n> with the cluster's settings (env) and ports of its own, then waits until it is ready.
cluster_start_instance() {
  local kind="$1" index="$2" dir="$CLUSTER_DIR/$1-$2" dll http slot=""
  dll="$(cluster_dll "$kind")" || return 1
  [ -f "$dll" ] || cluster_fail "$dll is missing; run: tools/cluster.sh up (it builds)" || return 1
  [ -f "$CLUSTER_DIR/env" ] || cluster_fail "no cluster is up (no $CLUSTER_DIR/env); run: tools/cluster.sh up" || return 1
  cluster_is_running "$kind" "$index" && { cluster_fail "$kind $index is already running"; return 1; }
  mkdir -p "$dir"
  http="$(cluster_free_port)"
  echo "$http" > "$dir/http-port"
  if [ "$kind" = silo ]; then
    slot="$(cluster_free_slot)" || return 1
    echo "$slot" > "$dir/slot"
  fi
  (
    set -a
    # shellcheck disable=SC1091
    . "$CLUSTER_DIR/env"
    set +a
    export ASPNETCORE_URLS="http://127.0.0.1:$http"
    if [ "$kind" = silo ]; then
      export Shop__Orleans__SiloPort=$(( CLUSTER_PORT_BASE + slot )) Shop__Orleans__GatewayPort=$(( CLUSTER_PORT_BASE + CLUSTER_SLOTS + slot ))
      export Shop__Search__Lucene__Path="$dir/search" Shop__Email__PickupFolder="$dir/mail"
    else
      export Shop__Gateway__Mode=Client Shop__Gateway__GrpcPort="$(cluster_free_port)"
      for s in $(seq 1 "$CLUSTER_SLOTS"); do
        export "Shop__Orleans__Gateways__$(( s - 1 ))=127.0.0.1:$(( CLUSTER_PORT_BASE + CLUSTER_SLOTS + s ))"
      done
    fi
    # The content root is the working folder: the build output, where appsettings*.json are.
    cd "$(dirname "$dll")" && exec setsid dotnet "$dll" >> "$dir/log" 2>&1
  ) &
  echo $! > "$dir/pid"
  cluster_wait_ready "$kind" "$index"
}

# Graceful stop: SIGTERM, then wait up to the grace period (then SIGKILL, as the kubelet does).
cluster_stop_instance() {
  local pid waited=0
  pid="$(cluster_pid "$1" "$2")" || { cluster_fail "$1 $2 does not exist"; return 1; }
  if kill -TERM "$pid" 2>/dev/null; then
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $(( CLUSTER_GRACE_SECONDS * 10 )) ]; do sleep 0.1; waited=$(( waited + 1 )); done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$CLUSTER_DIR/$1-$2/pid"
}

# Hard kill: SIGKILL, no graceful leave; the cluster has to notice the silo is dead by itself.
cluster_kill_instance() {
  local pid
  pid="$(cluster_pid "$1" "$2")" || { cluster_fail "$1 $2 does not exist"; return 1; }
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$CLUSTER_DIR/$1-$2/pid"
}
