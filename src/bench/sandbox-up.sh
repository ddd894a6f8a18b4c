#!/usr/bin/env bash
# Benchmark (not a test) of 'ccc sandbox up': wall time until it returns ready, and the sandbox
# JVM's peak resident memory (VmHWM, Linux /proc) after the bundled example is applied and a
# record has gone from the source file to the sink file. Each run starts cold (fresh data) then
# warm (the same data again). 'split' also measures the alternative that ccc does not use: the
# broker and the worker in two JVMs (SandboxRuntime roles=broker / roles=worker), same flags.
#
#   src/bench/sandbox-up.sh [RUNS] [split]      (builds target/ccc.jar and target/sandbox/lib if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
mode=${2:-}
[[ -f target/ccc.jar && -d target/sandbox/lib ]] || ./mvnw -q -DskipTests package
work=$(mktemp -d)
ccc() { java -jar target/ccc.jar "$@" --root "$work/connectors"; }
cleanup() { ccc sandbox down >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}
now() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
hwm_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

connect_port=$(free_port); kafka_port=$(free_port)
cp -r connectors "$work/"
sed -i "s#connect_url: http://localhost:8083#connect_url: http://localhost:$connect_port#; s#kafka_port: 9092#kafka_port: $kafka_port#" \
  "$work/connectors/ccc.yaml"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-5s %8s %14s\n' run start 'up (s)' 'peak RSS (MB)'
for run in $(seq 1 "$runs"); do
  rm -rf "$work/.ccc"
  for start in cold warm; do
    t0=$(now); ccc sandbox up >/dev/null 2>&1; t1=$(now)
    pid=$(sed -n 's/^pid=//p' "$work/.ccc/sandbox/sandbox.pid")
    if [[ $start == cold ]]; then
      ccc apply --env local --auto-approve >/dev/null 2>&1
      echo "bench-$run" >> "$work/.ccc/sandbox/orders.txt"
      until grep -q "bench-$run" "$work/.ccc/sandbox/azure-blob-sink.txt" 2>/dev/null; do sleep 0.1; done
    else
      ccc status --env local >/dev/null 2>&1
    fi
    printf '%-4s %-5s %8s %14s\n' "$run" "$start" "$(seconds $((t1 - t0)))" "$(hwm_mb "$pid")"
    ccc sandbox down >/dev/null
  done
done

if [[ $mode == split ]]; then
  # The runtime started directly (no ccc in front), in one JVM and in two, cold each time.
  direct() { # NAME ROLES...: starts one JVM per argument, waits for the worker, prints time and summed peak RSS
    local name=$1; shift
    rm -rf "$work/direct"; mkdir -p "$work/direct"
    local opts=(-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "target/sandbox/lib/*"
                ccc.sandbox.runtime.SandboxRuntime "kafka.port=$kafka_port" "connect.port=$connect_port"
                "data.dir=$work/direct/kafka" topics=azc-peve-connect-test,azc-peve-connect-test-dlq)
    local pids=() roles t0 t1 rss=0 p last=${*: -1}
    t0=$(now)
    for roles in "$@"; do
      java "${opts[@]}" "roles=$roles" "state.file=$work/direct/state-${roles/,/-}" >> "$work/direct/log" 2>&1 &
      pids+=($!)
    done
    until grep -qx ready "$work/direct/state-${last/,/-}" 2>/dev/null \
        && (exec 3<>"/dev/tcp/127.0.0.1/$connect_port") 2>/dev/null; do
      sleep 0.1
    done
    t1=$(now)
    for p in "${pids[@]}"; do rss=$((rss + $(hwm_mb "$p"))); done
    printf '%-4s %-5s %8s %14s\n' "$run" "$name" "$(seconds $((t1 - t0)))" "$rss"
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}"; wait "${pids[i]}" || true; done
  }
  echo "the runtime alone, cold: one JVM (as ccc runs it) and two (broker, worker):"
  for run in $(seq 1 "$runs"); do
    direct one broker,worker
    direct two broker worker
  done
fi
