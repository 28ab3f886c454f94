//! Query-string parameters, read strictly: every value must be valid UTF-8
//! once percent-decoded, unknown and repeated parameters are refused, and
//! every error names the parameter.

use std::str::FromStr;

use percent_encoding::percent_decode;

use super::error::ApiError;

/// The decoded parameters of one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `raw` (the part after `?`), accepting only the `allowed` names.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for pair in raw.unwrap_or_default().split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key).map_err(|problem| {
                ApiError::bad_parameter(&String::from_utf8_lossy(key.as_bytes()), problem)
            })?;
            if !allowed.contains(&key.as_str()) {
                let expected = if allowed.is_empty() {
                    "this endpoint takes no parameters".to_string()
                } else {
                    format!("unknown here; expected one of {}", allowed.join(", "))
                };
                return Err(ApiError::bad_parameter(&key, expected));
            }
            let value = decode(value).map_err(|problem| ApiError::bad_parameter(&key, problem))?;
            if pairs.iter().any(|(known, _)| *known == key) {
                return Err(ApiError::bad_parameter(&key, "given more than once"));
            }
            pairs.push((key, value));
        }
        Ok(Params { pairs })
    }

    /// The value of `name`, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// The value of `name` parsed as `T`, if given; `expected` says what a
    /// good value looks like.
    pub fn parsed<T: FromStr>(&self, name: &str, expected: &str) -> Result<Option<T>, ApiError> {
        self.get(name)
            .map(|value| {
                value.trim().parse::<T>().map_err(|_| {
                    ApiError::bad_parameter(name, format!("{value:?} is not {expected}"))
                })
            })
            .transpose()
    }

    /// A count in `0..=max`, or `default` when not given.
    pub fn count(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let value = self
            .parsed::<usize>(name, &format!("a whole number from 0 to {max}"))?
            .unwrap_or(default);
        if value > max {
            return Err(ApiError::bad_parameter(
                name,
                format!("{value} is over the limit of {max}"),
            ));
        }
        Ok(value)
    }

    /// A yes/no parameter: `true`/`false` (also `1`/`0`, `yes`/`no`); absent is false.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name) {
            None => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(other) => {
                Err(ApiError::bad_parameter(name, format!("{other:?} is not true or false")))
            }
        }
    }

    /// A threshold in [0, 1], or `default`.
    pub fn threshold(&self, default: f32) -> Result<f32, ApiError> {
        let value = self.parsed::<f32>("threshold", "a number between 0 and 1")?.unwrap_or(default);
        if !(0.0..=1.0).contains(&value) {
            return Err(ApiError::bad_parameter(
                "threshold",
                format!("{value} is not a number between 0 and 1"),
            ));
        }
        Ok(value)
    }
}

/// Percent-decodes one key or value (`+` is a space) and checks it is UTF-8.
fn decode(text: &str) -> Result<String, String> {
    let spaced = text.replace('+', " ");
    let bytes: Vec<u8> = percent_decode(spaced.as_bytes()).collect();
    String::from_utf8(bytes).map_err(|error| {
        format!(
            "not valid UTF-8 once percent-decoded (byte {} is not)",
            error.utf8_error().valid_up_to() + 1
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_and_plus() {
        let params = Params::parse(Some("name=Kim+Jong%20Un&limit=5"), &["name", "limit"]).unwrap();
        assert_eq!(params.get("name"), Some("Kim Jong Un"));
        assert_eq!(params.count("limit", 10, 100).unwrap(), 5);
        let chinese = Params::parse(Some("name=%E9%87%91%E6%AD%A3%E6%81%A9"), &["name"]).unwrap();
        assert_eq!(chinese.get("name"), Some("金正恩"));
    }

    #[test]
    fn refuses_unknown_repeated_and_invalid_values_naming_the_parameter() {
        let unknown = Params::parse(Some("treshold=0.5"), &["threshold"]).unwrap_err();
        assert!(unknown.message.contains("treshold"), "{}", unknown.message);
        let twice = Params::parse(Some("name=a&name=b"), &["name"]).unwrap_err();
        assert!(twice.message.contains("more than once"));
        let invalid = Params::parse(Some("name=%FF%FE"), &["name"]).unwrap_err();
        assert!(invalid.message.contains("name") && invalid.message.contains("UTF-8"));
        let params = Params::parse(Some("threshold=2&limit=x"), &["threshold", "limit"]).unwrap();
        assert!(params.threshold(0.78).unwrap_err().message.contains("threshold"));
        assert!(params.count("limit", 10, 100).unwrap_err().message.contains("limit"));
    }
}
