"""The Python API against the command line it mirrors, and its bad input."""

import json
import threading

import pyarrow as pa
import pytest

import sanctions_registry
from sanctions_registry import Registry, SanctionsError, Screener, extract

from conftest import (
    AS_OF,
    FIXTURES,
    names_for_test,
    read_screened_csv,
    run_cli,
    write_names_csv,
)


def cli_matches(data_dir, name, *args):
    done = run_cli(data_dir, "screen", name, "--json", "--as-of", AS_OF, *args)
    return json.loads(done.stdout)["matches"]


@pytest.mark.parametrize(
    "name, args",
    [
        ("Kim Yo Jong", ()),
        ("김여정", ()),
        ("Иван Сидоров", ()),
        ("ocean star", ("--kind", "vessel")),
        ("Northern Light Trading", ("--threshold", "0.5", "--limit", "3")),
        ("IMO 9876543", ()),
        ("Completely Unknown Person", ()),
    ],
)
def test_screen_gives_the_matches_of_screen_json(data_dir, screener, name, args):
    options = dict(zip(args[::2], args[1::2]))
    found = screener.screen(
        name,
        kind=options.get("--kind"),
        threshold=float(options["--threshold"]) if "--threshold" in options else None,
        limit=int(options.get("--limit", 10)),
    )
    assert found == cli_matches(data_dir, name, *args)


def test_screen_finds_a_listed_person_with_its_explanation(screener):
    found = screener.screen("KIM Yo Jong")
    assert found, "a listed name is found"
    best = found[0]
    assert best["score"] == 1.0
    assert set(best) == {"score", "entity", "matched_name", "explanation"}
    assert best["entity"]["kind"] == "person"
    assert "query_form" in best["explanation"]


def test_screener_knows_its_data(screener, data_dir):
    assert len(screener) > 30
    assert screener.as_of == AS_OF
    sources = {source["source"] for source in screener.sources}
    assert {"registry", "ofac-sdn", "un-sc", "watchlist"} <= sources
    assert str(screener.data_dir) == str(data_dir)
    assert "entities" in repr(screener)


def test_screen_many_and_screen_columns_equal_screen_csv_on_2000_rows(data_dir, screener, tmp_path):
    names = names_for_test(data_dir, 2_000)
    source = tmp_path / "names.csv"
    write_names_csv(source, names)
    out = tmp_path / "screened.csv"
    run_cli(data_dir, "screen", "--csv", str(source), "--out", str(out), "--as-of", AS_OF)
    rows = read_screened_csv(out)
    assert len(rows) == len(names)

    best = screener.screen_many(names)
    assert len(best) == len(names)
    for row, found, name in zip(rows, best, names):
        if row["error"]:
            assert found == {"error": row["error"]}, name
        elif row["match_id"]:
            assert found is not None, name
            assert (found["entity"]["id"], f"{found['score']:.3f}") == (
                row["match_id"],
                row["match_score"],
            ), name
        else:
            assert found is None, name

    columns = screener.screen_columns(names)
    assert list(columns) == sanctions_registry.MATCH_COLUMNS
    for index, row in enumerate(rows):
        assert {column: columns[column][index] for column in columns} == {
            column: row[column] for column in sanctions_registry.MATCH_COLUMNS
        }, names[index]
    matched = sum(1 for row in rows if row["match_id"])
    errors = sum(1 for row in rows if row["error"])
    assert matched > 500 and errors > 10, (matched, errors)


def test_screen_many_takes_pyarrow_and_keeps_order(screener):
    names = ["Kim Yo Jong", None, "Ocean Star", "", "Nobody Here At All"]
    from_list = screener.screen_many(names)
    assert from_list[1] == {"error": "empty name"}
    assert from_list[3] == {"error": "empty name"}
    assert from_list[4] is None
    assert screener.screen_many(pa.array(names, type=pa.string())) == from_list
    assert screener.screen_many(pa.chunked_array([names[:2], names[2:]])) == from_list
    assert screener.screen_many(pa.array(names, type=pa.large_string())) == from_list
    assert screener.screen_many(iter(names)) == from_list
    import pandas as pd

    series = pd.Series(names)
    assert screener.screen_many(series) == from_list
    assert screener.screen_many(pd.Series([float("nan"), "Kim Yo Jong"]))[0] == {"error": "empty name"}
    frame = pd.DataFrame({"name": names})
    columns = pd.DataFrame(screener.screen_columns(frame["name"]))
    assert list(frame.join(columns).columns) == ["name"] + sanctions_registry.MATCH_COLUMNS
    assert screener.screen_many([]) == []


def test_a_bad_name_is_an_error_entry_never_an_exception(screener):
    names = ["Kim Yo Jong", 5, "x" * 1001, "!!!", b"bytes", "   ", "Ocean Star"]
    found = screener.screen_many(names)
    assert len(found) == len(names)
    assert found[0]["entity"]["kind"] == "person"
    assert found[1] == {"error": "not a string: int"}
    assert found[2]["error"].startswith("name too long: 1001 characters")
    assert found[3]["error"].startswith("name has no letters or digits")
    assert found[4] == {"error": "not a string: bytes"}
    assert found[5] == {"error": "empty name"}
    assert found[6] is not None and "error" not in found[6]
    columns = screener.screen_columns(names)
    assert columns["error"][1] == "not a string: int"
    assert columns["match_id"][1] == ""


def test_bad_arguments_raise_with_the_library_message(screener):
    with pytest.raises(ValueError, match="empty name"):
        screener.screen("  ")
    with pytest.raises(ValueError, match="threshold must be between 0 and 1, got 1.5"):
        screener.screen("Kim", threshold=1.5)
    with pytest.raises(ValueError, match="threshold must be between 0 and 1"):
        screener.screen_many(["Kim"], threshold=-0.1)
    with pytest.raises(ValueError, match="starship"):
        screener.screen_many(["Kim"], kind="starship")
    with pytest.raises(TypeError, match="not one str"):
        screener.screen_many("Kim Yo Jong")
    with pytest.raises(TypeError):
        screener.screen_many(42)


def test_a_missing_data_folder_names_the_path(tmp_path):
    missing = tmp_path / "no-such-folder"
    with pytest.raises(FileNotFoundError, match=str(missing)):
        Screener(str(missing))
    with pytest.raises(FileNotFoundError, match=str(missing)):
        Registry(str(missing))
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        Screener(str(tmp_path), as_of="yesterday")


def test_a_broken_registry_is_a_sanctions_error_naming_the_file(tmp_path):
    (tmp_path / "registry.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(SanctionsError, match="registry.json"):
        Screener(str(tmp_path))
    with pytest.raises(SanctionsError, match="registry.json"):
        Registry(str(tmp_path))


def test_an_empty_folder_screens_nothing(tmp_path):
    screener = Screener(str(tmp_path))
    assert len(screener) == 0
    assert screener.screen_many(["Kim Yo Jong"]) == [None]
    assert len(Registry(str(tmp_path))) == 0


def test_screen_many_releases_the_gil(screener):
    # Another Python thread keeps running while a batch is screened.
    names = ["Kim Yo Jong", "Ocean Star", "Blue Harbor Logistics"] * 3_000
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        found = screener.screen_many(names)
    finally:
        done.set()
        ticker.join()
    assert len(found) == len(names)
    assert len(ticks) > 1


def test_extract_writes_what_extract_would(tmp_path):
    text_path = FIXTURES / "texts" / "en_state_inksna.txt"
    text = text_path.read_text(encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / text_path.name).write_text(text, encoding="utf-8")
    run_cli(tmp_path, "extract")
    written = json.loads((tmp_path / "registry.json").read_text(encoding="utf-8"))
    extracted = extract(text, name=text_path.name)
    assert extracted == written
    assert extracted["designations"], "the fixture text designates someone"
    assert {"schema_version", "designations", "batches", "warnings"} == set(extracted)
    assert extract("") == {"schema_version": 1, "designations": [], "batches": [], "warnings": []}
    default_name = extract(text)
    assert default_name["designations"][0]["evidence"]["doc"] == "input.txt"


def test_registry_lists_what_entities_json_lists(data_dir):
    registry = Registry(str(data_dir))
    listed = json.loads(run_cli(data_dir, "entities", "--json", "--as-of", AS_OF).stdout)
    assert registry.entities(as_of=AS_OF) == listed
    assert len(registry) == len(listed)
    inksna = json.loads(
        run_cli(data_dir, "entities", "--json", "--authority", "INKSNA", "--as-of", AS_OF).stdout
    )
    assert registry.entities(authority="INKSNA", as_of=AS_OF) == inksna
    people = registry.entities(kind="person", as_of=AS_OF)
    assert people and all(d["kind"] == "person" for d in people)
    first = listed[0]
    got = registry.get(first["id"])
    assert got["id"] == first["id"] and got["name"] == first["name"]
    assert registry.get("no-such-id") is None
    whole = registry.to_dict()
    assert len(whole["designations"]) == len(registry)
    assert whole["batches"] == registry.batches
    if registry.batches:
        assert registry.get(registry.batches[0]["id"]) == registry.batches[0]
    with pytest.raises(ValueError):
        registry.entities(status="sleeping")


def test_the_stub_describes_the_module():
    import ast

    from conftest import ROOT

    stub = ast.parse((ROOT / "python" / "sanctions_registry.pyi").read_text(encoding="utf-8"))
    for node in stub.body:
        if isinstance(node, ast.ClassDef):
            cls = getattr(sanctions_registry, node.name)
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    assert hasattr(cls, member.name), f"{node.name}.{member.name}"
        elif isinstance(node, ast.FunctionDef):
            assert callable(getattr(sanctions_registry, node.name)), node.name
        elif isinstance(node, ast.AnnAssign):
            assert hasattr(sanctions_registry, node.target.id), node.target.id
    assert sanctions_registry.DEFAULT_THRESHOLD == 0.78
