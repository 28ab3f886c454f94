#!/usr/bin/env bash
# HTTP load benchmark: wrk on loopback against `sanctions serve` with the
# 2024-05-03 SDN list imported, then against a Python peer doing the same
# screening (benches/peer_http.py), with the same names and settings.
# Prints requests/s, p50/p99 latency, the server's resident memory, and the
# ratio to the peer. Needs ../shared/data/lists (or SANCTIONS_LISTS=DIR).
# Settings: CONNECTIONS (32), DURATION (20s), PEER_DURATION (10s).
set -euo pipefail
cd "$(dirname "$0")"

lists=${SANCTIONS_LISTS:-../shared/data/lists}
sdn=$lists/ofac_sdn_2024-05-03/sdn.csv
connections=${CONNECTIONS:-32}
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
load() { # port duration -> the RESULT line
    NAMES=$work/names.txt SCREEN_PATH="/screen?name=" \
        wrk -t2 -c"$connections" -d"$2" --timeout 5s -s benches/http_screen.lua "http://127.0.0.1:$1" \
        | grep '^RESULT'
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
load "$port" 3s >/dev/null   # warm-up
ours=$(load "$port" "$duration")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
log_lines=$(grep -c 'path=/screen' "$work/server.log" || true)
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""

peer_port=$(free_port)
python3 benches/peer_http.py "$sdn" "$peer_port" 2>/dev/null &
server_pid=$!
wait_ready "$peer_port"
load "$peer_port" 2s >/dev/null
peer=$(load "$peer_port" "$peer_duration")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

ours_rps=$(python3 -c "print(round($(field "$ours" requests) / $(field "$ours" seconds)))")
peer_rps=$(python3 -c "print(round($(field "$peer" requests) / $(field "$peer" seconds)))")
echo
echo "GET /screen, $connections connections, wrk -t2 on the same 2 cores, $(wc -l <"$work/names.txt") names in rotation"
printf '%-32s %10s %9s %9s %8s %12s\n' "" "req/s" "p50 ms" "p99 ms" "errors" "resident MB"
printf '%-32s %10s %9s %9s %8s %12s\n' "sanctions serve" "$ours_rps" "$(field "$ours" p50_ms)" "$(field "$ours" p99_ms)" \
    "$(( $(field "$ours" socket_errors) + $(field "$ours" non_2xx) ))" "$((rss_kb / 1024)) (peak $((peak_kb / 1024)))"
printf '%-32s %10s %9s %9s %8s %12s\n' "peer: python rapidfuzz server" "$peer_rps" "$(field "$peer" p50_ms)" "$(field "$peer" p99_ms)" \
    "$(( $(field "$peer" socket_errors) + $(field "$peer" non_2xx) ))" "-"
python3 -c "print(f'ratio: {$ours_rps / max($peer_rps, 1):.1f}x the peer\'s requests per second')"
echo "server log: $log_lines request lines"
