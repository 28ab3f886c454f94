"""Sanctions screening and designation extraction: the sanctions-registry engine from Python.

`Screener` loads a data folder as `sanctions serve` does and screens names
with the same matches, scores and explanations as `sanctions screen --json`
(one name) and `sanctions screen --csv` (many). `extract` reads the
designations out of one text; `Registry` reads `DATA/registry.json`.

Errors are exceptions carrying the library's message: `FileNotFoundError`
for a data folder that is not there (it names the path), `ValueError` for an
argument that cannot be read (kind, threshold, date, a name given to
`screen`), `SanctionsError` for data the library cannot load.
"""

import os
from pathlib import Path
from typing import Any, Iterable, Optional, Union

PathLike = Union[str, "os.PathLike[str]"]

__version__: str

#: The columns `sanctions screen --csv` appends to every row, in order:
#: match_id, match_name, match_kind, match_score, match_source,
#: match_authority, match_status, match_explanation, error.
MATCH_COLUMNS: list[str]

#: The score from which a match is reported when no threshold is given.
DEFAULT_THRESHOLD: float

class SanctionsError(Exception):
    """The library could not load or parse its data; the message names the file and why."""

Names = Union[Iterable[Optional[str]], Any]
"""A list (or any iterable, such as a pandas Series) of str, or a pyarrow
string array / chunked array.

`None` (a null) and NaN (pandas' missing value) are screened as an empty
name, as an empty CSV cell is.
"""

class Screener:
    """The screening engine over one data folder.

    Loads what `sanctions serve` loads: `registry.json` with the review
    decisions of `reviews.sqlite` laid over it, every list imported into
    `lists/`, and the index stored under `index/` (built and stored there
    when missing or stale, in memory when the folder is read-only).

    Example::

        screener = Screener("data")
        best = screener.screen("Kim Yo Jong")[0]
        best["entity"]["id"], best["score"], best["explanation"]["query_via"]
    """

    def __init__(self, data_dir: PathLike, as_of: Optional[str] = None) -> None:
        """Loads `data_dir`, judging whether measures are in force on `as_of`
        (`YYYY-MM-DD`, default today).

        Raises `FileNotFoundError` when the folder is not there, `ValueError`
        for a date that cannot be read, `SanctionsError` when a file in it
        cannot be read or parsed.
        """

    def screen(
        self,
        name: str,
        kind: Optional[str] = None,
        threshold: Optional[float] = None,
        limit: int = 10,
    ) -> list[dict[str, Any]]:
        """The matches for `name`, best first, at most `limit`: the `matches`
        of `sanctions screen NAME --json`.

        Each match is `{"score": float, "entity": {...}, "matched_name": str,
        "explanation": {...}}`. `kind` is person, organization, vessel or
        aircraft (only entities of that kind or of unknown kind); `threshold`
        in [0, 1] (default `DEFAULT_THRESHOLD`). Raises `ValueError` for a
        name that cannot be screened (empty, over 1,000 characters, nothing
        to match) or a bad kind or threshold.
        """

    def screen_many(
        self,
        names: Names,
        kind: Optional[str] = None,
        threshold: Optional[float] = None,
    ) -> list[Optional[dict[str, Any]]]:
        """The best match of each name, in input order, screened on every
        core with the GIL released.

        Each entry is a match dict as `screen` returns, `None` when nothing
        reaches the threshold, or `{"error": message}` for a name that
        cannot be screened (empty, too long, not a str): a bad name never
        raises for the batch. A bad `kind` or `threshold` raises `ValueError`.
        """

    def screen_columns(
        self,
        names: Names,
        kind: Optional[str] = None,
        threshold: Optional[float] = None,
    ) -> dict[str, list[str]]:
        """The match columns `sanctions screen --csv` writes for each name:
        a dict from each of `MATCH_COLUMNS` to a list with one str per name,
        in input order (empty strings where nothing matched; `error` says why
        a name could not be screened). What `screen_many` finds, as cells;
        ready for `pandas.DataFrame(...)`.
        """

    @property
    def sources(self) -> list[dict[str, Any]]:
        """The data the index was built from: `{"source", "entities",
        "version", "imported_at"?}` per source (registry, reviews, each list)."""

    @property
    def as_of(self) -> str:
        """The day statuses are judged on, `YYYY-MM-DD`."""

    @property
    def data_dir(self) -> Path:
        """The data folder it was loaded from."""

    def __len__(self) -> int:
        """The number of entities indexed."""

class Registry:
    """The registry of a data folder (`DATA/registry.json`) as extracted,
    read as `sanctions entities` and `sanctions show` read it."""

    def __init__(self, data_dir: PathLike) -> None:
        """Reads `DATA/registry.json` (a folder without one has an empty
        registry). Raises `FileNotFoundError` when the folder is not there,
        `SanctionsError` when the file cannot be parsed."""

    def entities(
        self,
        authority: Optional[str] = None,
        kind: Optional[str] = None,
        status: Optional[str] = None,
        as_of: Optional[str] = None,
    ) -> list[dict[str, Any]]:
        """The designations `sanctions entities --json` lists with the same
        filters, each with its `status` (active or expired) on `as_of`
        (default today)."""

    def get(self, id: str) -> Optional[dict[str, Any]]:
        """The designation or batch with this id, or `None`."""

    @property
    def batches(self) -> list[dict[str, Any]]:
        """Announcements that give counts, not names."""

    @property
    def warnings(self) -> list[dict[str, Any]]:
        """What extraction could not resolve."""

    @property
    def data_dir(self) -> Path:
        """The data folder it was read from."""

    def to_dict(self) -> dict[str, Any]:
        """The whole registry as `registry.json` stores it."""

    def __len__(self) -> int:
        """The number of designations."""

def extract(text: str, name: str = "input.txt") -> dict[str, Any]:
    """The designations, batches and warnings `sanctions extract` would
    write for `text` saved under `sources/` as `name`: a dict shaped like
    `registry.json` (`schema_version`, `designations`, `batches`,
    `warnings`). Never fails on a text: what cannot be resolved is a warning.
    """
