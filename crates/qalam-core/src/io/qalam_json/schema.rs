//! Vocabulary of the format shared by the writer and the reader: the format name and version,
//! the key order, and conversions of statuses, colours, timestamps and text hashes.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use crate::model::{DocStatus, Rgb};

/// Value of the top-level `"format"` key.
pub const FORMAT_NAME: &str = "qalam";

/// The only version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Top-level keys in the order the writer emits them (unknown keys follow, sorted).
pub const TOP_LEVEL_KEYS: [&str; 9] = [
    "format",
    "version",
    "document",
    "status",
    "annotator",
    "created",
    "modified",
    "labels",
    "spans",
];

/// Keys of the `"document"` object, in order.
pub const DOCUMENT_KEYS: [&str; 7] = [
    "id",
    "title",
    "source",
    "language",
    "metadata",
    "text",
    "text_sha256",
];

/// Keys of the `"labels"` object, in order.
pub const LABEL_SET_KEYS: [&str; 2] = ["allow_overlaps", "items"];

/// Keys of one label in `"labels"."items"`, in order (unknown keys follow, sorted).
pub const LABEL_KEYS: [&str; 4] = ["name", "color", "hotkey", "export_tag"];

/// Keys of one span in `"spans"`, in order (unknown keys follow, sorted).
pub const SPAN_KEYS: [&str; 11] = [
    "id",
    "start",
    "end",
    "label",
    "text",
    "note",
    "annotator",
    "created",
    "modified",
    "review",
    "adjudication",
];

/// Keys of a span's `"review"` object, in order (other keys are ignored and not kept).
pub const REVIEW_KEYS: [&str; 4] = ["reviewer", "decision", "reason", "at"];

/// Keys of a span's `"adjudication"` object, in order (other keys are ignored and not kept).
pub const ADJUDICATION_KEYS: [&str; 5] = ["sources", "variants", "decided_by", "resolution", "at"];

/// Keys of one entry of `"adjudication"."variants"`, in order.
pub const VARIANT_KEYS: [&str; 4] = ["annotator", "start", "end", "label"];

/// Every status name, in workflow order.
pub const STATUS_NAMES: [&str; 4] = ["todo", "in_progress", "done", "reviewed"];

/// The file name of a status.
pub fn status_name(status: DocStatus) -> &'static str {
    match status {
        DocStatus::Todo => "todo",
        DocStatus::InProgress => "in_progress",
        DocStatus::Done => "done",
        DocStatus::Reviewed => "reviewed",
    }
}

/// The status with this file name.
pub fn parse_status(name: &str) -> Option<DocStatus> {
    match name {
        "todo" => Some(DocStatus::Todo),
        "in_progress" => Some(DocStatus::InProgress),
        "done" => Some(DocStatus::Done),
        "reviewed" => Some(DocStatus::Reviewed),
        _ => None,
    }
}

/// `#rrggbb` in lower case.
pub fn format_color(color: Rgb) -> String {
    let [r, g, b] = color.0;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Parses `#rrggbb` (either case); anything else is `None`.
pub fn parse_color(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Rgb([channel(0)?, channel(2)?, channel(4)?]))
}

/// RFC 3339 in UTC with a `Z` suffix and only as many fraction digits as needed (0, 3, 6 or 9),
/// so that reading it back gives the same instant to the nanosecond.
pub fn format_timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Parses an RFC 3339 timestamp with any offset and converts it to UTC.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|time| time.with_timezone(&Utc))
}

/// Lower-case hex of the SHA-256 of the UTF-8 bytes of `text`.
pub fn text_sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_round_trip() {
        for name in STATUS_NAMES {
            let status = parse_status(name).unwrap();
            assert_eq!(status_name(status), name);
        }
        assert_eq!(parse_status("finished"), None);
    }

    #[test]
    fn colors_round_trip_and_reject_bad_forms() {
        assert_eq!(parse_color("#4E9a06"), Some(Rgb([0x4e, 0x9a, 0x06])));
        assert_eq!(format_color(Rgb([0x4e, 0x9a, 0x06])), "#4e9a06");
        for bad in [
            "4e9a06", "#4e9a0", "#4e9a066", "#4e9g06", "#", "", "#٤e9a06",
        ] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_keep_nanoseconds() {
        let time = parse_timestamp("2025-03-01T10:20:30.123456789+02:00").unwrap();
        assert_eq!(format_timestamp(time), "2025-03-01T08:20:30.123456789Z");
        let whole = parse_timestamp("2025-03-01T10:20:30Z").unwrap();
        assert_eq!(format_timestamp(whole), "2025-03-01T10:20:30Z");
        assert_eq!(parse_timestamp("yesterday"), None);
    }

    #[test]
    fn sha256_of_known_text() {
        assert_eq!(
            text_sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
