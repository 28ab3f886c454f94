//! Reading a list's XML file as a stream of quick-xml events (no document
//! tree), for the importers: each start tag with its line, each end tag
//! with its parent and its text (entities decoded, whitespace collapsed).
//! Malformed XML is an error naming the line and column.

use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::Error;

/// What the walk meets.
#[derive(Debug)]
pub(super) enum Element<'a> {
    /// A start tag, on this 1-based line.
    Start {
        /// The tag's local name.
        tag: &'a str,
        /// Where it starts.
        line: u64,
    },
    /// An end tag (or an empty element).
    End {
        /// The tag's local name.
        tag: &'a str,
        /// The enclosing tag's local name.
        parent: &'a str,
        /// Its text, whitespace runs collapsed to one space.
        text: String,
    },
}

/// Walks the XML in `bytes` (read from `path`), whose root must be `root`
/// (`what` says what such a file is, for the error), calling `visit` at each
/// start and end tag.
pub(super) fn walk(
    bytes: &[u8],
    path: &Path,
    root: &str,
    what: &str,
    mut visit: impl FnMut(Element<'_>),
) -> Result<(), Error> {
    let fail = |message: String| Error::Format { path: path.into(), message };
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    reader.config_mut().expand_empty_elements = true;
    let mut buffer = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut lines = Lines::default();
    let mut saw_root = false;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|error| fail(format!("{}: {error}", place(bytes, reader.error_position()))))?;
        match event {
            Event::Start(start) => {
                let tag = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                if stack.is_empty() {
                    if tag != root {
                        return Err(fail(format!(
                            "{}: the root is <{tag}>, not <{root}>: not {what}",
                            place(bytes, position)
                        )));
                    }
                    saw_root = true;
                }
                visit(Element::Start { tag: &tag, line: lines.line_of(bytes, position) });
                stack.push(tag);
                text.clear();
            }
            Event::Text(content) => {
                let unescaped = content
                    .unescape()
                    .map_err(|error| fail(format!("{}: {error}", place(bytes, position))))?;
                text.push_str(&unescaped);
            }
            Event::CData(content) => text.push_str(&String::from_utf8_lossy(&content)),
            Event::End(_) => {
                let Some(tag) = stack.pop() else { continue };
                let parent = stack.last().map(String::as_str).unwrap_or_default();
                let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                text.clear();
                visit(Element::End { tag: &tag, parent, text: collapsed });
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    if !saw_root {
        return Err(fail(format!("no <{root}> element: not {what}")));
    }
    if !stack.is_empty() {
        return Err(fail(format!("the file ends inside <{}>: it is cut short", stack.join("><"))));
    }
    Ok(())
}

/// Line numbers of increasing byte positions, each byte counted once.
#[derive(Debug, Default)]
struct Lines {
    offset: usize,
    newlines: u64,
}

impl Lines {
    fn line_of(&mut self, bytes: &[u8], position: u64) -> u64 {
        let end = usize::try_from(position).unwrap_or(usize::MAX).min(bytes.len());
        if end > self.offset {
            let counted = bytes.get(self.offset..end).unwrap_or_default();
            self.newlines += counted.iter().filter(|byte| **byte == b'\n').count() as u64;
            self.offset = end;
        }
        self.newlines + 1
    }
}

/// "line L, column C" of byte `position`.
fn place(bytes: &[u8], position: u64) -> String {
    let end = usize::try_from(position).unwrap_or(usize::MAX).min(bytes.len());
    let before = bytes.get(..end).unwrap_or_default();
    let line_start = before.iter().rposition(|byte| *byte == b'\n').map_or(0, |at| at + 1);
    let line = Lines::default().line_of(bytes, position);
    format!("line {line}, column {}", end - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_and_columns() {
        assert_eq!(place(b"<a>\n  <b", 7), "line 2, column 4");
    }

    #[test]
    fn ends_carry_text_and_parent() {
        let mut seen = Vec::new();
        walk(
            b"<r>\n<a><b>x &amp;\n y</b><c/></a></r>",
            Path::new("t.xml"),
            "r",
            "a test",
            |element| {
                if let Element::End { tag, parent, text } = element {
                    seen.push(format!("{parent}/{tag}={text}"));
                }
            },
        )
        .unwrap();
        assert_eq!(seen, ["a/b=x & y", "a/c=", "r/a=", "/r="]);
    }
}
