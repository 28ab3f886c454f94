"""Screens one column of a Parquet or CSV dataset on Spark with the
sanctions-registry engine, writing every input row once with the match
columns of `sanctions screen --csv` appended.

    spark-submit examples/spark/screen.py --data data --input customers.parquet \
        --column full_name --output screened.parquet

or, without spark-submit, `python examples/spark/screen.py ... --master local[2]`.

How it runs:
- The driver loads the data folder once (which stores the screening index
  under DATA/index/ when it is missing or stale) and ships the folder to
  every executor with `SparkContext.addFile` (`--shared-data` instead reads
  it from a path every executor sees, such as a network file system).
- Each partition goes through `mapInPandas`: a Python worker loads the
  `Screener` once (the stored index, in milliseconds) and keeps it for every
  later batch; each batch's names are screened with `Screener.screen_columns`,
  which releases the GIL and uses the worker's cores.
- Output: the input columns, then match_id, match_name, match_kind,
  match_score, match_source, match_authority, match_status,
  match_explanation and error, as strings, one row per input row (a bad name
  is an `error` cell, never a failed task).

Every executor needs the `sanctions-registry` wheel installed (or shipped
with `--archives` in a packed virtual environment).
"""

import argparse
import os
import sys
import time


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="the data folder (registry.json, lists/, index/)")
    parser.add_argument(
        "--shared-data",
        action="store_true",
        help="the data folder is on a path every executor sees: read it there instead of shipping it",
    )
    parser.add_argument("--input", required=True, help="a Parquet file or folder, or a CSV file with a header")
    parser.add_argument("--input-format", choices=["parquet", "csv"], help="default: from the extension")
    parser.add_argument("--column", default="name", help="the column holding the names (default: name)")
    parser.add_argument("--output", required=True, help="the output folder")
    parser.add_argument("--output-format", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--kind", help="only entities of this kind: person, organization, vessel, aircraft")
    parser.add_argument("--threshold", type=float, help="default: the library's DEFAULT_THRESHOLD")
    parser.add_argument("--as-of", help="judge statuses on this day, YYYY-MM-DD (default: today)")
    parser.add_argument("--partitions", type=int, help="repartition the input into this many (default: as read)")
    parser.add_argument(
        "--threads-per-task",
        type=int,
        default=1,
        help="screening threads in each task (default 1: a task per core, as many partitions as cores)",
    )
    parser.add_argument("--master", help="the Spark master when run without spark-submit, e.g. local[2]")
    return parser.parse_args(argv)


#: One Screener per Python worker process, loaded by the first batch.
_SCREENERS = {}


def _screener(data_dir, as_of):
    import sanctions_registry

    key = (data_dir, as_of)
    if key not in _SCREENERS:
        _SCREENERS[key] = sanctions_registry.Screener(data_dir, as_of=as_of)
    return _SCREENERS[key]


def screen_batches(column, data_name, shared_path, as_of, kind, threshold):
    """The function `mapInPandas` runs on each partition's batches."""

    def run(batches):
        import pandas as pd
        import pyarrow as pa
        from pyspark import SparkFiles

        data_dir = shared_path if shared_path else SparkFiles.get(data_name)
        screener = _screener(data_dir, as_of)
        for batch in batches:
            # Through Arrow, so that a missing name (NaN in pandas) is a null,
            # which is screened as an empty name.
            names = pa.array(batch[column], from_pandas=True)
            columns = screener.screen_columns(names, kind=kind, threshold=threshold)
            yield pd.concat([batch.reset_index(drop=True), pd.DataFrame(columns)], axis=1)

    return run


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import sanctions_registry
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    data_dir = os.path.abspath(args.data)
    # Spark runs a task per core; each screens on this many threads (rayon),
    # so that tasks do not fight over the cores. Python workers inherit the
    # variable in local mode, executors get it through executorEnv.
    threads = str(max(1, args.threads_per_task))
    os.environ["RAYON_NUM_THREADS"] = threads
    # Loading on the driver checks the folder and its files before any task
    # starts, and stores the index so that executors read it instead of
    # building it.
    loaded = sanctions_registry.Screener(data_dir, as_of=args.as_of)
    as_of = loaded.as_of

    builder = SparkSession.builder.appName("sanctions-screen").config(
        "spark.executorEnv.RAYON_NUM_THREADS", threads
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    started = time.monotonic()

    shared_path = None
    data_name = os.path.basename(data_dir.rstrip(os.sep))
    if args.shared_data:
        shared_path = data_dir
    else:
        spark.sparkContext.addFile(data_dir, recursive=True)

    input_format = args.input_format or ("csv" if args.input.lower().endswith(".csv") else "parquet")
    if input_format == "csv":
        # Every column as a string, as the command line reads them.
        frame = spark.read.option("header", True).option("multiLine", True).csv(args.input)
    else:
        frame = spark.read.parquet(args.input)
    if args.column not in frame.columns:
        raise SystemExit(f"no column {args.column!r} in {args.input}; the columns are: {', '.join(frame.columns)}")
    if args.partitions:
        frame = frame.repartition(args.partitions)

    schema = StructType(
        frame.schema.fields
        + [StructField(name, StringType(), False) for name in sanctions_registry.MATCH_COLUMNS]
    )
    screened = frame.mapInPandas(
        screen_batches(args.column, data_name, shared_path, as_of, args.kind, args.threshold),
        schema,
    )
    writer = screened.write.mode("overwrite")
    if args.output_format == "csv":
        writer.option("header", True).csv(args.output)
    else:
        writer.parquet(args.output)
    seconds = time.monotonic() - started
    rows = spark.read.parquet(args.output).count() if args.output_format == "parquet" else None
    spark.stop()
    print(
        f"screened {args.input} against {len(loaded)} entities in {seconds:.1f} s"
        + (f": {rows} rows, {rows / max(seconds, 1e-3):.0f} rows/s" if rows is not None else "")
        + f" -> {args.output}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
