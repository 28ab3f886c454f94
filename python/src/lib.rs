//! The Python module `sanctions_registry`: the `sanctions` library seen from
//! Python (PyO3, an abi3 wheel built by maturin).
//!
//! Nothing here decides anything: each function turns Python arguments into
//! the library's types, calls the library (with the GIL released for the
//! work), and turns the answer into Python objects through the same serde
//! shapes `sanctions ... --json` prints. Library errors become Python
//! exceptions carrying the library's message.
//!
//! **Invariant:** `screen_many` and `screen_columns` return one entry per
//! input name, in input order, and never raise for a bad name: the name's
//! entry says what was wrong with it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use serde::Serialize;

use sanctions::bulk::{self, MATCH_COLUMNS};
use sanctions::catalog::Catalog;
use sanctions::extract::document::Document;
use sanctions::model::{EntityKind, Status};
use sanctions::registry::{self, store, Filter, Record};
use sanctions::screen::{self, Match, Query, QueryError};

pyo3::create_exception!(
    sanctions_registry,
    SanctionsError,
    PyException,
    "The library could not do what was asked (a file it cannot read, a registry or list it cannot parse); the message names the file and why."
);

/// The screening engine over one data folder: what `sanctions serve` loads
/// (the registry with review decisions laid over it, every imported list,
/// the stored index).
#[pyclass(frozen, module = "sanctions_registry")]
struct Screener {
    catalog: Catalog,
    data_dir: PathBuf,
}

#[pymethods]
impl Screener {
    /// Loads `data_dir` with statuses judged on `as_of` (`YYYY-MM-DD`,
    /// default today).
    #[new]
    #[pyo3(signature = (data_dir, as_of = None))]
    fn new(py: Python<'_>, data_dir: PathBuf, as_of: Option<&str>) -> PyResult<Screener> {
        let as_of = day(as_of)?;
        existing_folder(&data_dir)?;
        let catalog = py.detach(|| Catalog::load(&data_dir, as_of)).map_err(|error| {
            SanctionsError::new_err(format!("cannot load {}: {error:#}", data_dir.display()))
        })?;
        Ok(Screener { catalog, data_dir })
    }

    /// The matches for `name`, best first: the `matches` of
    /// `sanctions screen NAME --json`.
    #[pyo3(signature = (name, kind = None, threshold = None, limit = screen::DEFAULT_LIMIT))]
    fn screen<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        kind: Option<&str>,
        threshold: Option<f32>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind = entity_kind(kind)?;
        let threshold = threshold_of(threshold)?;
        let query = Query { name, kind, threshold, limit, include_rejected: false };
        let screener = &self.catalog.screener;
        let matches = py
            .detach(|| screener.screen(&query))
            .map_err(|error| PyValueError::new_err(format!("cannot screen this name: {error}")))?;
        to_python(py, &matches)
    }

    /// The best match of each name (a dict as in `screen`, `None` when
    /// nothing reaches the threshold, `{"error": ...}` for a name that cannot
    /// be screened), in input order, screened on every core.
    #[pyo3(signature = (names, kind = None, threshold = None))]
    fn screen_many<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        kind: Option<&str>,
        threshold: Option<f32>,
    ) -> PyResult<Bound<'py, PyList>> {
        let kind = entity_kind(kind)?;
        let threshold = threshold_of(threshold)?;
        let names = names_of(names)?;
        let found = self.best_matches(py, &names, kind, threshold);
        let mut entries = Vec::with_capacity(found.len());
        for res in &found {
            entries.push(match res {
                Ok(Some(found)) => to_python(py, found)?,
                Ok(None) => py.None().into_bound(py),
                Err(error) => {
                    let entry = PyDict::new(py);
                    entry.set_item("error", error)?;
                    entry.into_any()
                }
            });
        }
        PyList::new(py, entries)
    }

    /// The match columns `sanctions screen --csv` appends to each row
    /// (`match_id` ... `match_explanation`, `error`), as a dict of column
    /// name to a list of strings with one entry per name, in input order.
    #[pyo3(signature = (names, kind = None, threshold = None))]
    fn screen_columns<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        kind: Option<&str>,
        threshold: Option<f32>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let kind = entity_kind(kind)?;
        let threshold = threshold_of(threshold)?;
        let names = names_of(names)?;
        let found = self.best_matches(py, &names, kind, threshold);
        let mut columns: Vec<Vec<String>> =
            MATCH_COLUMNS.iter().map(|_| Vec::with_capacity(found.len())).collect();
        for res in &found {
            let (cells, error) = match res {
                Ok(Some(found)) => (bulk::match_cells(found), String::new()),
                Ok(None) => (Default::default(), String::new()),
                Err(error) => (Default::default(), error.clone()),
            };
            for (column, cell) in columns.iter_mut().zip(cells.into_iter().chain([error])) {
                column.push(cell);
            }
        }
        let table = PyDict::new(py);
        for (name, column) in MATCH_COLUMNS.iter().zip(columns) {
            table.set_item(name, column)?;
        }
        Ok(table)
    }

    /// The data the index was built from: one dict per source (`registry`,
    /// `reviews`, each list) with its entity count and version, as every
    /// HTTP answer names them.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.catalog.sources)
    }

    /// The day statuses are judged on, `YYYY-MM-DD`.
    #[getter]
    fn as_of(&self) -> String {
        self.catalog.as_of.to_string()
    }

    /// The data folder it was loaded from.
    #[getter]
    fn data_dir(&self) -> PathBuf {
        self.data_dir.clone()
    }

    /// The number of entities indexed.
    fn __len__(&self) -> usize {
        self.catalog.entities().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Screener({:?}, as_of={:?}: {} entities)",
            self.data_dir.display().to_string(),
            self.catalog.as_of.to_string(),
            self.catalog.entities().len()
        )
    }
}

impl Screener {
    /// [`bulk::best_matches`] with the GIL released; a name that was not a
    /// string keeps its own error.
    fn best_matches(
        &self,
        py: Python<'_>,
        names: &[Result<String, String>],
        kind: Option<EntityKind>,
        threshold: f32,
    ) -> Vec<Result<Option<Match<'_>>, String>> {
        let screener = &self.catalog.screener;
        let strings: Vec<&str> =
            names.iter().map(|name| name.as_deref().unwrap_or_default()).collect();
        let found = py.detach(|| bulk::best_matches(screener, &strings, kind, threshold));
        names
            .iter()
            .zip(found)
            .map(|(name, res)| match name {
                Ok(_) => res.map_err(|error: QueryError| error.to_string()),
                Err(message) => Err(message.clone()),
            })
            .collect()
    }
}

/// The registry of a data folder (`DATA/registry.json`) as the `entities`
/// and `show` commands read it: as extracted, without review edits.
#[pyclass(frozen, module = "sanctions_registry")]
struct Registry {
    registry: registry::Registry,
    data_dir: PathBuf,
}

#[pymethods]
impl Registry {
    /// Reads `DATA/registry.json`; a folder without one has an empty registry.
    #[new]
    fn new(data_dir: PathBuf) -> PyResult<Registry> {
        existing_folder(&data_dir)?;
        let path = data_dir.join("registry.json");
        let registry = match store::read_text_if_any(&path).map_err(library_error)? {
            Some(text) => store::parse(&path, &text).map_err(library_error)?,
            None => registry::Registry::from_documents(&[]),
        };
        Ok(Registry { registry, data_dir })
    }

    /// The designations that `sanctions entities --json` lists with the same
    /// filters, each with its `status` on `as_of` (default today).
    #[pyo3(signature = (authority = None, kind = None, status = None, as_of = None))]
    fn entities<'py>(
        &self,
        py: Python<'py>,
        authority: Option<String>,
        kind: Option<&str>,
        status: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let today = day(as_of)?;
        let status = status
            .map(|status| status.parse::<Status>())
            .transpose()
            .map_err(|error| PyValueError::new_err(error.to_string()))?;
        let filter = Filter { authority, kind: entity_kind(kind)?, status };
        let mut rows = Vec::new();
        for designation in self.registry.filter(&filter, today) {
            let row = to_python(py, designation)?;
            row.set_item("status", designation.status(today).as_str())?;
            rows.push(row);
        }
        PyList::new(py, rows)
    }

    /// The designation or batch with this id, `None` when there is none.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.registry
            .get(id)
            .map(|record| match record {
                Record::Designation(designation) => to_python(py, designation),
                Record::Batch(batch) => to_python(py, batch),
            })
            .transpose()
    }

    /// The batches: announcements that give counts, not names.
    #[getter]
    fn batches<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.registry.batches)
    }

    /// What extraction could not resolve.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.registry.warnings)
    }

    /// The whole registry as `registry.json` stores it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.registry)
    }

    /// The data folder it was read from.
    #[getter]
    fn data_dir(&self) -> PathBuf {
        self.data_dir.clone()
    }

    /// The number of designations.
    fn __len__(&self) -> usize {
        self.registry.designations.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Registry({:?}: {} designations, {} batches)",
            self.data_dir.display().to_string(),
            self.registry.designations.len(),
            self.registry.batches.len()
        )
    }
}

/// The designations, batches and warnings `sanctions extract` would write
/// for one text saved as `name`: a dict shaped like `registry.json`.
#[pyfunction]
#[pyo3(signature = (text, name = "input.txt"))]
fn extract<'py>(py: Python<'py>, text: &str, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let document = Document::new(name, text);
    let registry = py.detach(|| registry::Registry::from_documents(&[document]));
    to_python(py, &registry)
}

/// The Python module.
#[pymodule]
fn sanctions_registry(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Screener>()?;
    module.add_class::<Registry>()?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add("SanctionsError", module.py().get_type::<SanctionsError>())?;
    module.add("MATCH_COLUMNS", MATCH_COLUMNS.to_vec())?;
    // Through its decimal form: 0.78, not the f32's 0.7799999713897705.
    let threshold: f64 = screen::DEFAULT_THRESHOLD.to_string().parse().unwrap_or(f64::NAN);
    module.add("DEFAULT_THRESHOLD", threshold)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// A library error as a [`SanctionsError`] with its whole message.
fn library_error(error: impl std::error::Error) -> PyErr {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    SanctionsError::new_err(message)
}

/// Refuses a data folder that is not there, naming it.
fn existing_folder(data_dir: &Path) -> PyResult<()> {
    if data_dir.is_dir() {
        return Ok(());
    }
    let why = if data_dir.exists() { "is not a folder" } else { "does not exist" };
    Err(PyFileNotFoundError::new_err(format!("data folder {} {why}", data_dir.display())))
}

/// `YYYY-MM-DD`, or today.
fn day(text: Option<&str>) -> PyResult<NaiveDate> {
    match text {
        Some(text) => text.parse().map_err(|error| {
            PyValueError::new_err(format!(
                "as_of must be a date as YYYY-MM-DD, got {text:?}: {error}"
            ))
        }),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn entity_kind(text: Option<&str>) -> PyResult<Option<EntityKind>> {
    text.map(str::parse).transpose().map_err(|error: <EntityKind as std::str::FromStr>::Err| {
        PyValueError::new_err(error.to_string())
    })
}

/// The threshold asked for, or the default; one outside [0, 1] is refused
/// for the whole call, with the library's message.
fn threshold_of(threshold: Option<f32>) -> PyResult<f32> {
    let threshold = threshold.unwrap_or(screen::DEFAULT_THRESHOLD);
    if (0.0..=1.0).contains(&threshold) {
        Ok(threshold)
    } else {
        Err(PyValueError::new_err(QueryError::Threshold(threshold.to_string()).to_string()))
    }
}

/// The names of a list, any iterable of str (a pandas Series), or a pyarrow
/// array (read with `to_pylist`). `None` and NaN (a missing value) are an
/// empty name, as an empty CSV cell is; anything else that is not a str is
/// that name's error.
fn names_of(names: &Bound<'_, PyAny>) -> PyResult<Vec<Result<String, String>>> {
    if names.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("names must be a list of str, not one str"));
    }
    let names =
        if names.hasattr("to_pylist")? { names.call_method0("to_pylist")? } else { names.clone() };
    let mut read = Vec::with_capacity(names.len().unwrap_or_default());
    for item in names.try_iter()? {
        let item = item?;
        if item.is_none() || is_nan(&item) {
            read.push(Ok(String::new()));
        } else if let Ok(name) = item.cast::<PyString>() {
            read.push(Ok(name.to_cow()?.into_owned()));
        } else {
            let type_name = item.get_type().name()?;
            read.push(Err(format!("not a string: {type_name}")));
        }
    }
    Ok(read)
}

/// Whether `item` is a float NaN, the missing value of pandas.
fn is_nan(item: &Bound<'_, PyAny>) -> bool {
    item.cast::<PyFloat>().is_ok_and(|float| float.value().is_nan())
}

/// A serializable value as Python objects (dicts, lists, str, int, float,
/// bool, None), through the JSON the command line prints.
fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value)
        .map_err(|error| SanctionsError::new_err(format!("cannot convert the answer: {error}")))?;
    json_to_python(py, &value)
}

fn json_to_python<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(value) => value.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(number) => match (number.as_i64(), number.as_u64(), number.as_f64()) {
            (Some(value), _, _) => value.into_pyobject(py)?.into_any(),
            (None, Some(value), _) => value.into_pyobject(py)?.into_any(),
            (None, None, value) => value.unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let items: Vec<Bound<'py, PyAny>> =
                items.iter().map(|item| json_to_python(py, item)).collect::<PyResult<_>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (key, item) in fields {
                dict.set_item(key, json_to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
