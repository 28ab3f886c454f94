"""The peer in the screening benchmark: rapidfuzz token_sort_ratio of every
query against every listed name (process.cdist on all cores), best name per
query. Usage: peer_rapidfuzz.py NAMES.txt QUERIES.txt OUT.tsv; prints the
seconds spent matching."""
import sys
import time

import numpy as np
from rapidfuzz import fuzz, process, utils


def main() -> None:
    names_path, queries_path, out_path = sys.argv[1:4]
    with open(names_path, encoding="utf-8") as f:
        names = f.read().split("\n")
    with open(queries_path, encoding="utf-8") as f:
        queries = f.read().split("\n")
    start = time.perf_counter()
    choices = [utils.default_process(n) for n in names]
    best_index = np.empty(len(queries), dtype=np.int64)
    best_score = np.empty(len(queries), dtype=np.float64)
    for lo in range(0, len(queries), 1000):
        chunk = [utils.default_process(q) for q in queries[lo:lo + 1000]]
        scores = process.cdist(chunk, choices, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=-1)
        best_index[lo:lo + len(chunk)] = scores.argmax(axis=1)
        best_score[lo:lo + len(chunk)] = scores.max(axis=1)
    elapsed = time.perf_counter() - start
    with open(out_path, "w", encoding="utf-8") as f:
        for i, s in zip(best_index, best_score):
            f.write(f"{i}\t{s / 100.0}\n")
    print(f"{elapsed:.3f}")


if __name__ == "__main__":
    main()
