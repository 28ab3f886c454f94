#!/usr/bin/env bash
# HTTP load benchmark: wrk on loopback against `sanctions serve` with the
# 2024-05-03 SDN list imported, then against a Python peer doing the same
# screening (benches/peer_http.py), with the same names and settings.
# For each number of connections, prints requests/s, p50/p99 latency, the
# server's resident memory, the ratio to the peer, and the CPU each side,
# wrk and every other process used during the run (another process busy on
# the two cores lowers every figure; the run says so); then how throughput
# holds from the first number of connections to each other one. Needs
# ../shared/data/lists (or SANCTIONS_LISTS=DIR).
# Settings: CONNECTIONS ("16 64"), WRK_THREADS (1), DURATION (20s),
# PEER_DURATION (10s).
set -euo pipefail
cd "$(dirname "$0")"

lists=${SANCTIONS_LISTS:-../shared/data/lists}
sdn=$lists/ofac_sdn_2024-05-03/sdn.csv
connections=${CONNECTIONS:-16 64}
wrk_threads=${WRK_THREADS:-1}
duration=${DURATION:-20s}
peer_duration=${PEER_DURATION:-10s}
[ -f "$sdn" ] || { echo "error: $sdn not found; set SANCTIONS_LISTS" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
fi
python3 -c 'import rapidfuzz' 2>/dev/null || python3 -m pip install --quiet rapidfuzz
cargo build --release --quiet

work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() {
    for _ in $(seq 1 200); do
        curl -s -o /dev/null "http://127.0.0.1:$1/screen?name=ready" && return 0
        sleep 0.1
    done
    echo "error: nothing answers on port $1" >&2; exit 1
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; } # user + system CPU of a process
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; } # every core, all processes
load() { # port connections duration -> the RESULT line with the CPU used during the run
    local server_before busy_before wrk_pid wrk_ticks=0 state now
    server_before=$(ticks "$server_pid"); busy_before=$(busy_ticks)
    NAMES=$work/names.txt SCREEN_PATH="/screen?name=" \
        wrk -t"$wrk_threads" -c"$2" -d"$3" --timeout 5s -s benches/http_screen.lua "http://127.0.0.1:$1" \
        >"$work/wrk.out" &
    wrk_pid=$!
    # wrk's own CPU: a process that has exited keeps its times until it is
    # waited for, so the last reading is the whole run.
    while read -r state now < <(awk '{print $3, $14 + $15}' "/proc/$wrk_pid/stat" 2>/dev/null); do
        wrk_ticks=$now
        [ "$state" = Z ] && break
        sleep 0.2
    done
    wait "$wrk_pid"
    echo "$(grep '^RESULT' "$work/wrk.out") server_ticks=$(( $(ticks "$server_pid") - server_before ))" \
        "wrk_ticks=$wrk_ticks busy_ticks=$(( $(busy_ticks) - busy_before ))"
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

cp data/registry.json "$work/"
target/release/sanctions --data "$work" import ofac "$sdn" 2>&1 | tail -1
python3 benches/http_names.py "$sdn" "$work/names.txt" 2000

port=$(free_port)
target/release/sanctions --data "$work" serve --addr "127.0.0.1:$port" 2>"$work/server.log" &
server_pid=$!
wait_ready "$port"
grep -m1 'listening on' "$work/server.log" | sed 's/.*listening/listening/'
load "$port" 16 3s >/dev/null   # warm-up
declare -A ours peer
for c in $connections; do ours[$c]=$(load "$port" "$c" "$duration"); done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
log_lines=$(grep -c 'path=/screen' "$work/server.log" || true)
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""

peer_port=$(free_port)
python3 benches/peer_http.py "$sdn" "$peer_port" 2>/dev/null &
server_pid=$!
wait_ready "$peer_port"
load "$peer_port" 16 2s >/dev/null
for c in $connections; do peer[$c]=$(load "$peer_port" "$c" "$peer_duration"); done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

rps() { python3 -c "print(round($(field "$1" requests) / $(field "$1" seconds)))"; }
row() { # label result resident
    printf '%-32s %10s %9s %9s %8s %12s\n' "$1" "$(rps "$2")" "$(field "$2" p50_ms)" "$(field "$2" p99_ms)" \
        "$(( $(field "$2" socket_errors) + $(field "$2" non_2xx) ))" "$3"
}
cpu_line() { # label result: cores used by the server, wrk and everything else during the run
    python3 - "$1" "$2" "$(getconf CLK_TCK)" "$(nproc)" <<'PY'
import sys
label, result, hz, cores = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
f = dict(kv.split("=", 1) for kv in result.split()[1:])
seconds, requests = float(f["seconds"]), int(f["requests"])
server, wrk, busy = (int(f[k]) / hz for k in ("server_ticks", "wrk_ticks", "busy_ticks"))
other = max(busy - server - wrk, 0.0)
note = " (the cores were shared: these figures are low)" if other / seconds > 0.15 else ""
print(f"{label} CPU: {server / seconds:.2f} of {cores} cores ({server * 1e6 / max(requests, 1):.0f} us a request), "
      f"wrk {wrk / seconds:.2f}, other processes and interrupts {other / seconds:.2f}{note}")
PY
}
for c in $connections; do
    echo
    echo "GET /screen, $c connections, wrk -t$wrk_threads on the same 2 cores, $(wc -l <"$work/names.txt") names in rotation"
    printf '%-32s %10s %9s %9s %8s %12s\n' "" "req/s" "p50 ms" "p99 ms" "errors" "resident MB"
    row "sanctions serve" "${ours[$c]}" "$((rss_kb / 1024)) (peak $((peak_kb / 1024)))"
    row "peer: python rapidfuzz server" "${peer[$c]}" "-"
    python3 -c "print(f'ratio: {$(rps "${ours[$c]}") / max($(rps "${peer[$c]}"), 1):.1f}x the peer\'s requests per second')"
    cpu_line "sanctions serve" "${ours[$c]}"
    cpu_line "peer" "${peer[$c]}"
done
first=${connections%% *}
echo
for c in $connections; do
    [ "$c" = "$first" ] && continue
    python3 -c "print(f'sanctions serve at $c connections: {$(rps "${ours[$c]}") / max($(rps "${ours[$first]}"), 1):.2f}x its requests per second at $first')"
done
echo "server log: $log_lines request lines"
