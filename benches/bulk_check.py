"""Checks a bulk screening output against its input and the generator's
manifest: every input row comes out once, in order, with its fields
unchanged; planted errors are reported in `error` and no other row is;
and how many planted listed names were found. Made-up names that the
generator found to be (nearly) a listed name are counted apart from the
other made-up names.

Prints one `CHECK key=value ...` line; exits 1 when a row is lost, out of
order, altered or wrongly flagged.

Usage: bulk_check.py DATA_DIR IN.csv OUT.csv MANIFEST.tsv
"""
import csv
import sys
from collections import Counter

from customers import listed_names, read_manifest


def rows(path: str):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        yield from csv.reader(f)


def main() -> None:
    data_dir, in_path, out_path, manifest_path = sys.argv[1:5]
    name_of = {listed_id: name.casefold() for listed_id, name, _ in listed_names(data_dir)}
    planted = read_manifest(manifest_path)

    inputs, outputs = rows(in_path), rows(out_path)
    in_header, out_header = next(inputs), next(outputs)
    column = {name: i for i, name in enumerate(out_header)}
    problems = Counter()
    found, planted_by_category = Counter(), Counter()
    made_up_matched = made_up_rows = 0
    # Made-up names that are in fact (nearly) a listed name: reported apart.
    coincidences, coincidences_matched = Counter(), Counter()
    # The generator draws made-up names from small pools, so one name that
    # happens to be a listed one recurs on many rows: count names too.
    made_up_names: dict[str, bool] = {}
    count = 0
    pairs = enumerate(zip(inputs, outputs, strict=True), start=1)
    while True:
        try:
            count, (given, screened) = next(pairs)
        except StopIteration:
            break
        except ValueError:  # one file has rows the other lacks
            problems["row_count_differs"] += 1
            break
        category, listed_id = planted.get(count, ("made_up", ""))
        # A row with more fields than the header keeps the extra ones in `error`.
        kept = min(len(given), len(in_header))
        error = screened[column["error"]]
        if screened[:kept] != given[:kept] or any(field not in error for field in given[kept:]):
            problems["altered"] += 1
        if category.startswith("error_"):
            planted_by_category[category] += 1
            found[category] += bool(error) and not error.startswith("warning:")
            continue
        if error and not error.startswith("warning:"):
            problems["unexpected_error"] += 1
        match_id = screened[column["match_id"]]
        if category in ("made_up_listed_name", "made_up_part_of_listed_name"):
            coincidences[category] += 1
            coincidences_matched[category] += bool(match_id)
            continue
        if category == "made_up":
            made_up_rows += 1
            made_up_matched += bool(match_id)
            name = given[column["full_name"]] if "full_name" in column else ""
            made_up_names[name] = made_up_names.get(name, False) or bool(match_id)
            continue
        planted_by_category[category] += 1
        same_name = name_of.get(match_id) == name_of.get(listed_id)
        found[category] += bool(match_id) and (match_id == listed_id or same_name)
    if len(in_header) + 9 != len(out_header):
        problems["header"] += 1
    parts = [f"rows={count}", f"problems={sum(problems.values())}"]
    parts += [f"{key}={value}" for key, value in sorted(problems.items())]
    for category in sorted(planted_by_category):
        parts.append(f"{category}={found[category]}/{planted_by_category[category]}")
    parts.append(f"made_up_matched={made_up_matched}/{made_up_rows}")
    parts.append(f"made_up_names_matched={sum(made_up_names.values())}/{len(made_up_names)}")
    for category in ("made_up_listed_name", "made_up_part_of_listed_name"):
        parts.append(f"{category}_matched={coincidences_matched[category]}/{coincidences[category]}")
    every_made_up = made_up_rows + sum(coincidences.values())
    parts.append(f"every_made_up_matched={made_up_matched + sum(coincidences_matched.values())}/{every_made_up}")
    print("CHECK " + " ".join(parts))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
