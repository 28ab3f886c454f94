"""The peer in the bulk screening benchmark: Python rapidfuzz screening the
first ROWS names of the customer file against every listed name (lists and
registry), best match per row with token_sort_ratio (process.cdist on all
cores, in chunks of 1,000 rows), as a compliance team's script would.

Prints one `PEER key=value ...` line: rows, seconds (reading included),
rows matched at or above THRESHOLD (0 to 1), and planted listed names found.

Usage: peer_bulk.py DATA_DIR IN.csv MANIFEST.tsv ROWS THRESHOLD
"""
import csv
import sys
import time

import numpy as np
from rapidfuzz import fuzz, process, utils

from customers import listed_names, read_manifest


def main() -> None:
    data_dir, in_path, manifest_path = sys.argv[1:4]
    limit, threshold = int(sys.argv[4]), float(sys.argv[5])
    planted = read_manifest(manifest_path)
    listed = listed_names(data_dir)
    name_of = {listed_id: name.casefold() for listed_id, name, _ in listed}

    start = time.perf_counter()
    choices = [utils.default_process(name) for _, name, _ in listed]
    names = []
    with open(in_path, encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.reader(f)
        column = next(reader).index("full_name")
        for fields in reader:
            names.append(fields[column] if len(fields) > column else "")
            if len(names) == limit:
                break
    matched = found = planted_listed = 0
    for low in range(0, len(names), 1000):
        chunk = [utils.default_process(name) for name in names[low:low + 1000]]
        scores = process.cdist(chunk, choices, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=-1)
        best = scores.argmax(axis=1)
        for offset, (index, score) in enumerate(zip(best, scores.max(axis=1))):
            row = low + offset + 1
            hit = score >= threshold * 100 and chunk[offset] != ""
            matched += hit
            category, listed_id = planted.get(row, ("made_up", ""))
            if category.startswith("listed_"):
                planted_listed += 1
                found += hit and listed[index][1].casefold() == name_of.get(listed_id)
    seconds = time.perf_counter() - start
    print(f"PEER rows={len(names)} seconds={seconds:.3f} matched={matched} listed_found={found}/{planted_listed}")


if __name__ == "__main__":
    main()
