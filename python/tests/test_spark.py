"""The Spark job of examples/spark/screen.py in local[2] mode on a generated
100,000-row Parquet file: every row out once, with the match columns that
`sanctions screen --csv` writes for the same rows."""

import csv
import os
import random
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sanctions_registry

from conftest import AS_OF, ROOT, names_for_test, read_screened_csv, run_cli

ROWS = 100_000


@pytest.fixture(scope="module")
def customers(data_dir, tmp_path_factory):
    """A Parquet file of customers (id, name, country, a number) and the
    same rows as CSV."""
    folder = tmp_path_factory.mktemp("customers")
    rng = random.Random(100)
    names = names_for_test(data_dir, ROWS, seed=100)
    # Some nulls: a missing name is screened as an empty one.
    names = [None if rng.random() < 0.001 else name for name in names]
    table = pa.table(
        {
            "customer_id": pa.array([f"c{row:06d}" for row in range(ROWS)]),
            "full_name": pa.array(names, type=pa.string()),
            "country": pa.array([rng.choice(["DE", "KP", "RU", "US", ""]) for _ in range(ROWS)]),
            "balance": pa.array([rng.randrange(0, 10**6) for _ in range(ROWS)], type=pa.int64()),
        }
    )
    parquet = folder / "customers.parquet"
    pq.write_table(table, parquet, row_group_size=25_000)
    as_csv = folder / "customers.csv"
    with open(as_csv, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["customer_id", "full_name"])
        for customer_id, name in zip(table["customer_id"].to_pylist(), names):
            writer.writerow([customer_id, "" if name is None else name])
    return parquet, as_csv, table


def test_spark_job_screens_every_row_as_screen_csv_does(data_dir, customers, tmp_path):
    parquet, as_csv, table = customers
    output = tmp_path / "screened.parquet"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    job = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "spark" / "screen.py"),
            "--master",
            "local[2]",
            "--data",
            str(data_dir),
            "--input",
            str(parquet),
            "--column",
            "full_name",
            "--output",
            str(output),
            "--as-of",
            AS_OF,
            "--partitions",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert job.returncode == 0, job.stderr[-5000:]
    assert "100000 rows" in job.stderr, job.stderr[-2000:]

    screened = pq.read_table(output)
    assert screened.column_names == table.column_names + sanctions_registry.MATCH_COLUMNS
    assert screened.num_rows == ROWS
    by_id = {row["customer_id"]: row for row in screened.to_pylist()}
    assert len(by_id) == ROWS, "every row once"
    for row in table.to_pylist():
        out = by_id[row["customer_id"]]
        assert {key: out[key] for key in row} == row, "input columns unchanged"

    cli_out = tmp_path / "cli.csv"
    run_cli(data_dir, "screen", "--csv", str(as_csv), "--out", str(cli_out), "--as-of", AS_OF)
    cli_rows = read_screened_csv(cli_out)
    assert len(cli_rows) == ROWS
    differing = [
        cli["customer_id"]
        for cli in cli_rows
        if any(by_id[cli["customer_id"]][c] != cli[c] for c in sanctions_registry.MATCH_COLUMNS)
    ]
    assert not differing, differing[:10]
    matched = sum(1 for cli in cli_rows if cli["match_id"])
    assert matched > 20_000, matched
