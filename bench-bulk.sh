#!/usr/bin/env bash
# Bulk CSV benchmark: generates a customer-like CSV (benches/customers.py:
# names in six scripts, ~2% listed names and variants, ~0.15% malformed
# rows), screens it with `sanctions screen --csv` against the 2024-05-03 SDN
# list imported next to the shipped registry, checks that every row is
# accounted for (benches/bulk_check.py), does the same over POST /screen/csv
# (with the kind and country columns), and runs the Python rapidfuzz peer
# on the first PEER_ROWS rows of the same file (benches/peer_bulk.py).
# Prints rows/s, peak resident memory, match counts and the ratio per row.
# Needs ../shared/data/lists (or SANCTIONS_LISTS=DIR).
# Settings: ROWS (1000000), PEER_ROWS (20000).
set -euo pipefail
cd "$(dirname "$0")"

lists=${SANCTIONS_LISTS:-../shared/data/lists}
sdn=$lists/ofac_sdn_2024-05-03/sdn.csv
rows=${ROWS:-1000000}
peer_rows=${PEER_ROWS:-20000}
[ -f "$sdn" ] || { echo "error: $sdn not found; set SANCTIONS_LISTS" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }
python3 -c 'import rapidfuzz, numpy' 2>/dev/null || python3 -m pip install --quiet rapidfuzz numpy
cargo build --release --quiet

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp data/registry.json "$work/"
target/release/sanctions --data "$work" import ofac "$sdn" 2>&1 | tail -1
python3 benches/customers.py "$work" "$work/customers.csv" "$work/manifest.tsv" "$rows"
echo "input: $rows rows, $(( $(stat -c %s "$work/customers.csv") / 1024 / 1024 )) MiB"

/usr/bin/time -f 'TIME wall=%e rss_kb=%M' -o "$work/time.txt" \
    target/release/sanctions --data "$work" screen --csv "$work/customers.csv" --out "$work/screened.csv" \
    2>"$work/summary.txt"
summary=$(tail -1 "$work/summary.txt")
echo "$summary"
wall=$(sed -E 's/.*wall=([0-9.]+).*/\1/' "$work/time.txt")
rss_kb=$(sed -E 's/.*rss_kb=([0-9]+).*/\1/' "$work/time.txt")

check=$(python3 benches/bulk_check.py "$work" "$work/customers.csv" "$work/screened.csv" "$work/manifest.tsv") \
    || { echo "$check"; echo "error: rows lost, altered or wrongly flagged" >&2; exit 1; }
echo "$check"

# The same file through POST /screen/csv on a local server, streamed both
# ways, with the kind and country columns as evidence.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
target/release/sanctions --data "$work" serve --addr "127.0.0.1:$port" 2>"$work/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
http_start=$(date +%s.%N)
curl -sS --fail -X POST -T "$work/customers.csv" -H 'Content-Type: text/csv' \
    -o "$work/screened_http.csv" "http://127.0.0.1:$port/screen/csv?kind_column=kind&country_column=country"
http_seconds=$(python3 -c "import time; print(f'{time.time() - $http_start:.1f}')")
server_peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
kill -TERM "$server_pid"; wait "$server_pid" || true
http_check=$(python3 benches/bulk_check.py "$work" "$work/customers.csv" "$work/screened_http.csv" "$work/manifest.tsv") \
    || { echo "$http_check"; echo "error: POST /screen/csv lost, altered or wrongly flagged rows" >&2; exit 1; }
echo "POST /screen/csv?kind_column=kind&country_column=country: $rows rows in $http_seconds s ($(python3 -c "print(round($rows / $http_seconds))") rows/s), server peak $((server_peak_kb / 1024)) MB"
echo "$http_check"

# Ours on the peer's rows: the first PEER_ROWS rows of the output.
ours_sub=$(python3 - "$work/screened.csv" "$peer_rows" <<'EOF'
import csv, sys
with open(sys.argv[1], encoding="utf-8", errors="surrogateescape", newline="") as f:
    reader = csv.reader(f)
    column = next(reader).index("match_id")
    limit = int(sys.argv[2])
    print(sum(bool(row[column]) for _, row in zip(range(limit), reader)))
EOF
)
/usr/bin/time -f 'TIME rss_kb=%M' -o "$work/peer_time.txt" \
    python3 benches/peer_bulk.py "$work" "$work/customers.csv" "$work/manifest.tsv" "$peer_rows" 0.78 >"$work/peer.txt"
peer=$(cat "$work/peer.txt")
echo "$peer"
peer_rss_kb=$(sed -E 's/.*rss_kb=([0-9]+).*/\1/' "$work/peer_time.txt")
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

python3 - "$rows" "$wall" "$rss_kb" "$(field "$peer" rows)" "$(field "$peer" seconds)" "$peer_rss_kb" \
    "$(echo "$summary" | sed -E 's/.*: ([0-9]+) with a match.*/\1/')" "$ours_sub" "$(field "$peer" matched)" <<'EOF'
import sys
rows, wall, rss, peer_rows, peer_seconds, peer_rss, matched, ours_sub, peer_sub = sys.argv[1:10]
ours_rate = int(rows) / float(wall)
peer_rate = int(peer_rows) / float(peer_seconds)
print()
print(f"{'':34} {'rows':>9} {'rows/s':>8} {'peak MB':>8} {'matched':>8}")
print(f"{'sanctions screen --csv':34} {int(rows):>9} {ours_rate:>8.0f} {int(rss) / 1024:>8.0f} {matched:>8}")
print(f"{'  the same, first ' + peer_rows + ' rows':34} {int(peer_rows):>9} {'':>8} {'':>8} {ours_sub:>8}")
print(f"{'peer: python rapidfuzz cdist':34} {int(peer_rows):>9} {peer_rate:>8.0f} {int(peer_rss) / 1024:>8.0f} {peer_sub:>8}")
print(f"ours per row is {ours_rate / peer_rate:.1f}x the peer's rate (ours: wall time of the whole command, start-up included)")
EOF
