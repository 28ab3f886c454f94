#!/usr/bin/env bash
# Python benchmark (issue 17): the same rows screened by `sanctions screen
# --csv`, by the Python package's `Screener.screen_many` / `screen_columns`
# in one process (2 threads, then 1), and by the Spark job
# examples/spark/screen.py in local[1] and local[2] mode on Parquet, against
# the 2024-05-03 SDN list imported next to the shipped registry. The rows are
# benches/customers.py's customer file less its malformed rows (which only
# a CSV can carry), written as CSV and as Parquet. Checks that the Spark
# output has every row once with the CLI's match columns.
# Needs ../shared/data/lists (or SANCTIONS_LISTS=DIR), Java 17, and the
# virtual environment .ci/run makes (target/python-venv, the wheel installed).
# Settings: ROWS (200000).
set -euo pipefail
cd "$(dirname "$0")"

lists=${SANCTIONS_LISTS:-../shared/data/lists}
sdn=$lists/ofac_sdn_2024-05-03/sdn.csv
rows=${ROWS:-200000}
python=target/python-venv/bin/python
[ -f "$sdn" ] || { echo "error: $sdn not found; set SANCTIONS_LISTS" >&2; exit 2; }
[ -x "$python" ] || { echo "error: $python not found: run .ci/run (or build the wheel into it) first" >&2; exit 2; }
cargo build --release --quiet --locked --bin sanctions

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"
cp data/registry.json "$work/data/"
target/release/sanctions --data "$work/data" import ofac "$sdn" 2>&1 | tail -1
python3 benches/customers.py "$work/data" "$work/raw.csv" "$work/manifest.tsv" "$rows"
"$python" - "$work" <<'EOF'
import csv, sys
import pyarrow as pa, pyarrow.parquet as pq
work = sys.argv[1]
with open(f"{work}/raw.csv", encoding="utf-8", errors="surrogateescape", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    kept = []
    for row in reader:
        try:
            "".join(row).encode("utf-8")
        except UnicodeEncodeError:
            continue
        if len(row) == len(header):
            kept.append(row)
with open(f"{work}/customers.csv", "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(header)
    writer.writerows(kept)
table = pa.table({name: [row[i] for row in kept] for i, name in enumerate(header)})
pq.write_table(table, f"{work}/customers.parquet")
print(f"input: {len(kept)} rows (malformed rows left out), columns {', '.join(header)}")
EOF
# Store the index once, so no run below pays for building it.
target/release/sanctions --data "$work/data" screen "Kim Jong Un" >/dev/null

/usr/bin/time -f 'wall=%e rss_kb=%M' -o "$work/time.txt" \
    target/release/sanctions --data "$work/data" screen --csv "$work/customers.csv" --out "$work/cli.csv" \
    2>"$work/summary.txt"
echo "sanctions screen --csv: $(tail -1 "$work/summary.txt" | sed 's/ -> .*//'); whole command $(cat "$work/time.txt")"

for threads in 2 1; do
RAYON_NUM_THREADS=$threads "$python" - "$work" "$threads" <<'EOF'
import sys, time
import pyarrow.parquet as pq
import sanctions_registry
work, threads = sys.argv[1], sys.argv[2]
started = time.perf_counter()
screener = sanctions_registry.Screener(f"{work}/data")
loaded = time.perf_counter() - started
names = pq.read_table(f"{work}/customers.parquet", columns=["full_name"])["full_name"]
for method in ("screen_many", "screen_columns"):
    started = time.perf_counter()
    found = getattr(screener, method)(names)
    seconds = time.perf_counter() - started
    print(f"{method} ({threads} threads): {len(names)} names in {seconds:.2f} s = {len(names) / seconds:,.0f} rows/s (Screener loaded in {loaded:.2f} s)")
EOF
done

for cores in 1 2; do
  rm -rf "$work/spark.parquet"
  start=$(date +%s.%N)
  PYSPARK_PYTHON="$python" "$python" examples/spark/screen.py --master "local[$cores]" --data "$work/data" \
      --input "$work/customers.parquet" --column full_name --output "$work/spark.parquet" \
      --partitions "$cores" 2>"$work/spark.log"
  wall=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
  echo "spark local[$cores], $cores partitions, one thread a task: $(grep -o 'screened .* rows/s' "$work/spark.log"); whole command $wall s (JVM and session start included)"
done

"$python" - "$work" <<'EOF'
import csv, sys
import pyarrow.parquet as pq
import sanctions_registry
work = sys.argv[1]
spark = {row["customer_id"]: row for row in pq.read_table(f"{work}/spark.parquet").to_pylist()}
with open(f"{work}/cli.csv", encoding="utf-8", newline="") as f:
    cli = list(csv.DictReader(f))
assert len(spark) == len(cli), (len(spark), len(cli))
differ = sum(any(spark[row["customer_id"]][c] != row[c] for c in sanctions_registry.MATCH_COLUMNS) for row in cli)
matched = sum(bool(row["match_id"]) for row in cli)
print(f"check: {len(cli)} rows out of Spark, {differ} differ from screen --csv in a match column; {matched} matched")
sys.exit(1 if differ else 0)
EOF
