#!/usr/bin/env bash
# Extraction benchmark: extracts the development corpus (../shared/extraction-dev,
# or EXTRACTION_DEV) with the release build, prints the time and MB/s, then its
# scorer's figures (P/R/F1 by language and kind, authority/date/kind accuracy,
# negative texts, unnamed batches). Per-document output goes to
# target/bench-extract/score.txt, so two runs can be compared with diff.
set -euo pipefail
cd "$(dirname "$0")"

dev="${EXTRACTION_DEV:-../shared/extraction-dev}"
if [ ! -d "$dev/docs" ] || [ ! -f "$dev/score.py" ]; then
  echo "no development corpus at $dev (set EXTRACTION_DEV)" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "python3 is needed for the scorer" >&2; exit 2; }

cargo build --release --locked --quiet
out=target/bench-extract
rm -rf "$out" && mkdir -p "$out/data"

bytes=$(cat "$dev"/docs/*.txt | wc -c)
docs=$(ls "$dev"/docs/*.txt | wc -l)
start=$(date +%s.%N)
target/release/sanctions --data "$out/data" extract --sources "$dev/docs" --out "$out/registry.json" >/dev/null
end=$(date +%s.%N)

python3 "$dev/score.py" --gold-dir "$dev/gold" --registry "$out/registry.json" -v > "$out/score.txt" || true
python3 - "$start" "$end" "$bytes" "$docs" <<'EOF'
import sys
start, end, size, docs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(f"extract: {docs} documents, {size / 1e6:.2f} MB in {seconds:.2f} s ({size / 1e6 / seconds:.2f} MB/s, whole command)")
EOF
grep -E '^(lang|kind|per-document|negative|false mentions|extraction)' "$out/score.txt"
echo "per-document output: $out/score.txt"
