//! The validating reader: parses a `.qalam.json` text and checks everything, reporting every
//! problem with its line and column rather than stopping at the first.

use std::path::Path;

use serde_json::Value;

use super::fast_read::read_valid;
use super::fields::{Fields, Need, quote_short};
use super::locate::{DuplicateKey, duplicate_keys};
use super::problems::{Problems, display_name};
use super::read_labels::{ReadLabels, read_labels};
use super::read_spans::{SpanContext, read_spans};
use super::schema::{
    DOCUMENT_KEYS, FORMAT_NAME, FORMAT_VERSION, STATUS_NAMES, TOP_LEVEL_KEYS, parse_status,
    text_sha256_hex,
};
use crate::io::{Diagnostic, ValidationErrors};
use crate::model::{Annotation, AnnotationParts, DocStatus, Document};

/// Parses and validates a `.qalam.json` text; `file` is only used to name it in diagnostics.
///
/// A leading byte-order mark is ignored. On failure every problem found is returned, sorted by
/// position; a JSON syntax error stops reading (there is one at most).
///
/// Valid files take a fast typed path ([`read_valid`]); only when that finds anything wrong is
/// the file read again by the validating reader, which locates and explains every problem.
pub fn from_json_str(text: &str, file: &Path) -> Result<Annotation, ValidationErrors> {
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    match read_valid(json) {
        Some(annotation) => Ok(annotation),
        None => read_with_diagnostics(json, file),
    }
}

/// The validating reader: builds a `serde_json::Value` tree, checks every field and reports
/// every problem with its position. `json` has no byte-order mark. [`from_json_str`] runs it
/// only when the fast path gives up; it is public so tests and the fuzz target can check that
/// both paths agree.
pub fn read_with_diagnostics(json: &str, file: &Path) -> Result<Annotation, ValidationErrors> {
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(error) => {
            return Err(ValidationErrors(vec![syntax_diagnostic(
                json, file, &error,
            )]));
        }
    };
    let duplicates = duplicate_keys(json);
    let mut problems = Problems::default();
    let annotation = read_annotation(&value, &mut problems);
    if let Some(annotation) = annotation
        && problems.is_empty()
        && duplicates.is_empty()
    {
        return Ok(annotation);
    }
    let mut diagnostics = problems.into_diagnostics(json, file);
    diagnostics.extend(duplicate_diagnostics(duplicates, file));
    diagnostics.sort_by_key(|diagnostic| (diagnostic.line, diagnostic.column));
    Err(ValidationErrors(diagnostics))
}

/// Diagnostics for repeated keys: a JSON parser would keep one value silently, so the file is
/// refused and both places are named.
pub(crate) fn duplicate_diagnostics(
    duplicates: Vec<DuplicateKey>,
    file: &Path,
) -> impl Iterator<Item = Diagnostic> + '_ {
    duplicates.into_iter().map(move |duplicate| Diagnostic {
        file: file.to_owned(),
        line: duplicate.at.line,
        column: duplicate.at.column,
        message: format!(
            "{} is given twice (first at line {}, column {}); a key may appear only once",
            display_name(&duplicate.pointer),
            duplicate.first.line,
            duplicate.first.column
        ),
    })
}

/// serde_json's message without its trailing ` at line N column M` (callers put the position
/// in front, as `file:line:column:`).
pub(crate) fn message_without_position(error: &serde_json::Error) -> String {
    let mut full = error.to_string();
    if let Some(cut) = full.rfind(" at line ") {
        full.truncate(cut);
    }
    full
}

/// A diagnostic for a JSON syntax error, with the column converted to code points.
pub(crate) fn syntax_diagnostic(json: &str, file: &Path, error: &serde_json::Error) -> Diagnostic {
    let (line, column, explained) = located_json_error(json, error);
    Diagnostic {
        file: file.to_owned(),
        line,
        column,
        message: format!("malformed JSON: {explained}"),
    }
}

/// A serde_json error in `json` as (1-based line, 1-based column in code points, message): the
/// message without its own position, explained where serde's words are cryptic (a byte-order
/// mark in the middle of the file, a lone surrogate escape).
pub(crate) fn located_json_error(json: &str, error: &serde_json::Error) -> (usize, usize, String) {
    let message = &message_without_position(error);
    let line = error.line().max(1);
    let mut bom_before = false;
    let column = match json.split('\n').nth(line - 1) {
        Some(text) => {
            let mut byte = error.column().min(text.len());
            while !text.is_char_boundary(byte) {
                byte += 1;
            }
            bom_before = text[..byte].contains('\u{feff}');
            text[..byte].chars().count().max(1)
        }
        None => error.column().max(1),
    };
    let explained = if bom_before && !message.starts_with("EOF") {
        format!(
            "{message}: a byte-order mark (U+FEFF) is in the middle of the file, outside any \
             string (only one at the very start is allowed)"
        )
    } else if message == "lone leading surrogate in hex escape"
        || message == "unexpected end of hex escape"
    {
        format!(
            "{message}: a \\uD800–\\uDFFF escape must be one half of a surrogate pair \
             (\\uD83D\\uDE00); alone it is not a character"
        )
    } else {
        message.to_owned()
    };
    (line, column, explained)
}

/// Reads the whole annotation; `None` or recorded problems mean it is invalid.
fn read_annotation(value: &Value, problems: &mut Problems) -> Option<Annotation> {
    let top = Fields::new(value, String::new(), problems)?;
    check_format_and_version(&top, problems)?;

    let document = top
        .object(problems, "document", Need::Required)
        .and_then(|fields| read_document(&fields, problems));
    let status = read_status(&top, problems);
    let annotator = top.string(problems, "annotator", Need::Optional);
    let created = top.timestamp(problems, "created", Need::Required);
    let modified = top.timestamp(problems, "modified", Need::Required);
    let labels = match top.object(problems, "labels", Need::Required) {
        Some(fields) => read_labels(&fields, problems),
        None => ReadLabels::default(),
    };
    let spans = top.array(problems, "spans").map(|items| {
        let context = SpanContext {
            document: document.as_ref(),
            label_names: &labels.names,
            allow_overlaps: labels.set.allow_overlaps,
            default_time: modified.or(created).unwrap_or_default(),
        };
        read_spans(items, &top.pointer("spans"), &context, problems)
    });
    let extra = top.unknown_map(&TOP_LEVEL_KEYS);
    if !problems.is_empty() {
        return None;
    }
    let parts = AnnotationParts {
        document: document?,
        labels: labels.set,
        spans: spans?,
        status: status?,
        annotator: annotator.map(str::to_owned),
        created: created?,
        modified: modified?,
        extra,
    };
    // Every check `from_parts` makes was made above with a precise position; this only fires if
    // the two ever disagree, and then still names the problem.
    match Annotation::from_parts(parts) {
        Ok(annotation) => Some(annotation),
        Err(error) => {
            problems.push(top.pointer("spans"), error.to_string());
            None
        }
    }
}

/// `"format": "qalam"` and `"version": 1`; anything else stops reading (`None`), since the
/// rest of the file cannot be understood.
fn check_format_and_version(top: &Fields<'_>, problems: &mut Problems) -> Option<()> {
    let format = top.string(problems, "format", Need::Required)?;
    if format != FORMAT_NAME {
        problems.push(
            top.pointer("format"),
            format!(
                "\"format\" must be \"{FORMAT_NAME}\", found {}: this is not a Qalam file",
                quote_short(format)
            ),
        );
        return None;
    }
    let version = top.uint(problems, "version")?;
    if version != FORMAT_VERSION {
        problems.push(
            top.pointer("version"),
            format!(
                "unsupported version {version}: this Qalam reads version {FORMAT_VERSION} only"
            ),
        );
        return None;
    }
    Some(())
}

/// The `"status"` field; `todo` when absent.
fn read_status(top: &Fields<'_>, problems: &mut Problems) -> Option<DocStatus> {
    let Some(name) = top.string(problems, "status", Need::Optional) else {
        return Some(DocStatus::Todo);
    };
    let status = parse_status(name);
    if status.is_none() {
        problems.push(
            top.pointer("status"),
            format!(
                "\"status\" must be one of {}, found {}",
                STATUS_NAMES.map(|name| format!("\"{name}\"")).join(", "),
                quote_short(name)
            ),
        );
    }
    status
}

/// Reads the `"document"` object and checks the text hash.
fn read_document(fields: &Fields<'_>, problems: &mut Problems) -> Option<Document> {
    let before = problems.list().len();
    let id = fields.string(problems, "id", Need::Required);
    let title = fields.string(problems, "title", Need::Optional);
    let source = fields.string(problems, "source", Need::Optional);
    let language = fields.string(problems, "language", Need::Optional);
    let metadata = fields.object(problems, "metadata", Need::Optional);
    let text = fields.string(problems, "text", Need::Required);
    let hash = fields.string(problems, "text_sha256", Need::Required);
    if let (Some(text), Some(hash)) = (text, hash) {
        check_hash(fields, text, hash, problems);
    }
    if problems.list().len() > before {
        return None;
    }
    let mut document = Document::new(id?, text?);
    if let Some(title) = title {
        document.title = title.to_owned();
    }
    document.source = source.map(str::to_owned);
    document.language = language.map(str::to_owned);
    if let Some(metadata) = metadata {
        document.metadata = metadata.unknown_map(&[]);
    }
    document.extra = fields.unknown_map(&DOCUMENT_KEYS);
    Some(document)
}

/// `"text_sha256"` must be 64 hex digits equal to the SHA-256 of the text.
fn check_hash(fields: &Fields<'_>, text: &str, hash: &str, problems: &mut Problems) {
    let at = fields.pointer("text_sha256");
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        problems.push(
            at.clone(),
            format!(
                "{} must be 64 hexadecimal digits, found {}",
                display_name(&at),
                quote_short(hash)
            ),
        );
        return;
    }
    let actual = text_sha256_hex(text);
    if !hash.eq_ignore_ascii_case(&actual) {
        problems.push(
            at,
            format!(
                "document.text_sha256 does not match the text (file says {hash}, text hashes to {actual}): the text was changed after the spans were made or the file is damaged"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::to_json_string;

    fn sample_json() -> String {
        let mut document = Document::new("doc", "زار بوتين روسيا.");
        document.language = Some("ar".into());
        let mut ann = Annotation::new(document);
        ann.apply(crate::model::Edit::AddSpan(crate::model::Span {
            id: crate::model::SpanId(1),
            start: 4,
            end: 9,
            label: "PERSON".into(),
            note: Some("الرئيس".into()),
            annotator: None,
            created: ann.created(),
            modified: ann.modified(),
            review: None,
            adjudication: None,
            extra: Default::default(),
        }))
        .unwrap();
        to_json_string(&ann)
    }

    fn messages(json: &str) -> Vec<String> {
        match from_json_str(json, Path::new("t.qalam.json")) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn written_file_reads_back_equal() {
        let json = sample_json();
        let ann = from_json_str(&json, Path::new("t")).unwrap();
        assert_eq!(to_json_string(&ann), json);
        assert_eq!(ann.spans()[0].note.as_deref(), Some("الرئيس"));
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        let json = format!("\u{feff}{}", sample_json());
        assert!(from_json_str(&json, Path::new("t")).is_ok());
    }

    #[test]
    fn syntax_error_has_code_point_column() {
        let shown = messages("{\"نص\": \"سلام\",}");
        assert_eq!(shown.len(), 1);
        assert!(
            shown[0].starts_with("t.qalam.json:1:15: malformed JSON: trailing comma"),
            "{shown:?}"
        );
    }

    #[test]
    fn wrong_format_and_version_stop_early() {
        let json = sample_json();
        let other = json.replacen("\"qalam\"", "\"doccano\"", 1);
        assert_eq!(
            messages(&other),
            vec![
                "t.qalam.json:2:13: \"format\" must be \"qalam\", found \"doccano\": this is not a Qalam file"
            ]
        );
        let newer = json.replacen("\"version\": 1", "\"version\": 2", 1);
        assert_eq!(
            messages(&newer),
            vec!["t.qalam.json:3:14: unsupported version 2: this Qalam reads version 1 only"]
        );
    }

    #[test]
    fn several_problems_are_all_reported_in_file_order() {
        let json = sample_json()
            .replacen("\"status\": \"todo\"", "\"status\": \"finished\"", 1)
            .replacen("\"start\": 4", "\"start\": \"4\"", 1)
            .replacen("\"id\": \"doc\"", "\"id\": 7", 1);
        let shown = messages(&json);
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown[0].contains(":5:11: document.id must be a string, found the number 7"));
        assert!(shown[1].contains("\"status\" must be one of \"todo\""));
        assert!(shown[2].contains("spans[0].start must be a non-negative integer"));
    }

    #[test]
    fn hash_mismatch_is_reported_at_the_hash() {
        let json = sample_json().replacen("زار", "رأى", 2);
        let shown = messages(&json);
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(shown[0].contains("document.text_sha256 does not match the text"));
        assert!(shown[0].starts_with("t.qalam.json:11:"));
    }

    #[test]
    fn unknown_document_field_is_kept() {
        let json = sample_json().replacen("\"title\"", "\"subtitle\": \"x\",\n    \"title\"", 1);
        let ann = from_json_str(&json, Path::new("t")).unwrap();
        assert_eq!(ann.document().extra["subtitle"], "x");
    }
}
