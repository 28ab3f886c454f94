"""Fixtures shared by the tests of the Python package.

Every test runs against a data folder built here with the `sanctions`
binary from the repository's own fixtures: the test texts of
`tests/data/texts/` extracted, and the lists of `tests/data/lists/`
imported (OFAC CSV with its alt and add files, the UN XML, FollowTheMoney,
the generic CSV). The binary is `SANCTIONS_BIN`, else `target/release/sanctions`
(built with cargo when missing).
"""

import csv
import glob
import json
import os
import random
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data"
#: The day statuses are judged on, in the library and in the CLI alike.
AS_OF = "2026-12-01"


def sanctions_bin() -> Path:
    """The release binary, built when it is not there."""
    given = os.environ.get("SANCTIONS_BIN")
    if given:
        return Path(given)
    binary = ROOT / "target" / "release" / "sanctions"
    if not binary.exists():
        subprocess.run(
            ["cargo", "build", "--release", "--locked", "--bin", "sanctions"], cwd=ROOT, check=True
        )
    return binary


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    """Runs `sanctions --data DATA ARGS...`; fails the test on a non-zero exit."""
    done = subprocess.run(
        [str(sanctions_bin()), "--data", str(data), *args],
        capture_output=True,
        env={k: v for k, v in os.environ.items() if k != "SANCTIONS_DATA"},
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    """A data folder with the test texts extracted and every fixture list imported."""
    data = tmp_path_factory.mktemp("data")
    lists = FIXTURES / "lists"
    run_cli(data, "extract", "--sources", str(FIXTURES / "texts"))
    run_cli(
        data,
        "import",
        "ofac",
        str(lists / "sdn.csv"),
        "--alt",
        str(lists / "alt.csv"),
        "--add",
        str(lists / "add.csv"),
    )
    run_cli(data, "import", "un", str(lists / "un.xml"))
    run_cli(data, "import", "ftm", str(lists / "entities.ftm.json"))
    run_cli(data, "import", "csv", str(lists / "watchlist.csv"))
    return data


@pytest.fixture(scope="session")
def screener(data_dir):
    import sanctions_registry

    return sanctions_registry.Screener(str(data_dir), as_of=AS_OF)


def listed_names(data: Path) -> list[str]:
    """Every name and alias of the registry and the imported lists."""
    names = []
    registry = json.loads((data / "registry.json").read_text(encoding="utf-8"))
    for designation in registry["designations"]:
        names.append(designation["name"])
        names.extend(filter(None, [designation.get("name_en")]))
        names.extend(designation.get("aliases", []))
    for path in sorted(glob.glob(str(data / "lists" / "*.json"))):
        stored = json.loads(Path(path).read_text(encoding="utf-8"))
        for entry in stored["entries"]:
            names.append(entry["name"])
            names.extend(entry.get("aliases", []))
    return [name for name in names if name.strip()]


GIVEN = ["Anna", "Boris", "Carlos", "Elena", "Farid", "Grace", "Hiroshi", "Ivan", "Julia",
         "Kwame", "Lucía", "Mohammed", "Nadia", "Priya", "Søren", "Yusuf", "Sergei", "Khalid"]
FAMILY = ["Anderson", "Bianchi", "Dubois", "Fischer", "García", "Kowalski", "Moreau", "Novak",
          "Müller", "Okafor", "Silva", "Rossi", "Petrov", "Kim", "Wang", "Ocean", "Harbor"]
COMPANY = ["Trading", "Shipping", "Logistics", "Holdings", "Star", "Light", "Northern", "Blue"]
FORMS = ["LLC", "Ltd", "GmbH", "Co., Ltd.", "JSC", "S.A.", ""]


def names_for_test(data: Path, rows: int, seed: int = 17) -> list[str]:
    """`rows` names: listed names as written and varied (case, word order, a
    letter dropped, a legal form added), made-up people and companies, and a
    few names that cannot be screened (empty, blank, punctuation, too long)."""
    rng = random.Random(seed)
    listed = listed_names(data)
    names = []
    for row in range(rows):
        draw = rng.random()
        if draw < 0.35:
            name = rng.choice(listed)
            variant = rng.randrange(5)
            words = name.split()
            if variant == 1:
                name = name.upper() if rng.random() < 0.5 else name.lower()
            elif variant == 2 and len(words) > 1:
                name = " ".join(reversed(words))
            elif variant == 3 and len(name) > 5:
                cut = rng.randrange(1, len(name) - 1)
                name = name[:cut] + name[cut + 1:]
            elif variant == 4:
                name = f"{name} {rng.choice(FORMS)}".strip()
        elif draw < 0.65:
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        elif draw < 0.98:
            name = f"{rng.choice(FAMILY)} {rng.choice(COMPANY)} {rng.choice(FORMS)}".strip()
        else:
            name = rng.choice(["", "   ", "!!!", "x" * 1001, "LLC"])
        names.append(name)
    return names


def write_names_csv(path: Path, names: list[str]) -> None:
    """A CSV of `row_id,name`, the names quoted where they need it."""
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["row_id", "name"])
        for row_id, name in enumerate(names):
            writer.writerow([row_id, name])


def read_screened_csv(path: Path) -> list[dict[str, str]]:
    """The rows `sanctions screen --csv` wrote."""
    with open(path, newline="", encoding="utf-8") as screened:
        return list(csv.DictReader(screened))
