#!/usr/bin/env bash
# Runs the benchmarks with their Python peers installed.
# Needs ../shared/data/lists (or SANCTIONS_LISTS=/path/to/lists).
set -euo pipefail
cd "$(dirname "$0")"
python3 -c 'import rapidfuzz, numpy' 2>/dev/null || python3 -m pip install --quiet rapidfuzz numpy
cargo bench --bench screening
