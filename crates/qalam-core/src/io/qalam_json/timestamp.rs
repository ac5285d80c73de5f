//! Fast RFC 3339 timestamps for the common case, `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, without
//! allocating; anything else goes through chrono ([`schema::format_timestamp`] and
//! [`schema::parse_timestamp`] remain the reference and give the same results).

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};

use super::schema::{format_timestamp, parse_timestamp};

/// Appends `time` as [`format_timestamp`] writes it: UTC, `Z`, 0, 3, 6 or 9 fraction digits.
pub fn push_timestamp(out: &mut String, time: DateTime<Utc>) {
    let year = time.year();
    let nanos = time.nanosecond();
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 {
        out.push_str(&format_timestamp(time));
        return;
    }
    push_digits(out, year as u32, 4);
    out.push('-');
    push_digits(out, time.month(), 2);
    out.push('-');
    push_digits(out, time.day(), 2);
    out.push('T');
    push_digits(out, time.hour(), 2);
    out.push(':');
    push_digits(out, time.minute(), 2);
    out.push(':');
    push_digits(out, time.second(), 2);
    if nanos != 0 {
        out.push('.');
        if nanos.is_multiple_of(1_000_000) {
            push_digits(out, nanos / 1_000_000, 3);
        } else if nanos.is_multiple_of(1_000) {
            push_digits(out, nanos / 1_000, 6);
        } else {
            push_digits(out, nanos, 9);
        }
    }
    out.push('Z');
}

/// The last `width` decimal digits of `value`, zero-padded.
fn push_digits(out: &mut String, value: u32, width: u32) {
    let mut divisor = 10u32.pow(width - 1);
    for _ in 0..width {
        out.push(char::from(b'0' + (value / divisor % 10) as u8));
        divisor /= 10;
    }
}

/// Parses an RFC 3339 timestamp like [`parse_timestamp`], quickly when it is in UTC (`Z`).
pub fn parse_timestamp_fast(text: &str) -> Option<DateTime<Utc>> {
    parse_utc(text.as_bytes()).or_else(|| parse_timestamp(text))
}

/// `YYYY-MM-DDTHH:MM:SS[.d{1,9}]Z`; `None` for anything else (including leap seconds), which
/// then goes the slow way.
fn parse_utc(bytes: &[u8]) -> Option<DateTime<Utc>> {
    if bytes.len() < 20 || bytes.last() != Some(&b'Z') {
        return None;
    }
    let number = |from: usize, width: usize| -> Option<u32> {
        let mut value = 0u32;
        for &byte in bytes.get(from..from + width)? {
            if !byte.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(byte - b'0');
        }
        Some(value)
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, byte)| bytes[at] != byte) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(number(0, 4)?).ok()?,
        number(5, 2)?,
        number(8, 2)?,
    )?;
    let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);
    if second > 59 {
        return None;
    }
    let nanos = match &bytes[19..bytes.len() - 1] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            let digits = number(20, fraction.len())?;
            digits * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(date.and_time(time).and_utc())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn fast_format_matches_chrono_for_every_fraction_width() {
        let base = Utc.with_ymd_and_hms(2025, 3, 1, 8, 20, 30).unwrap();
        for nanos in [0, 123_000_000, 123_456_000, 123_456_789, 5, 999_999_999] {
            let time = base + chrono::Duration::nanoseconds(nanos);
            let mut fast = String::new();
            push_timestamp(&mut fast, time);
            assert_eq!(fast, format_timestamp(time), "{nanos}");
        }
        let early = Utc.with_ymd_and_hms(7, 1, 2, 3, 4, 5).unwrap();
        let mut fast = String::new();
        push_timestamp(&mut fast, early);
        assert_eq!(fast, format_timestamp(early));
    }

    #[test]
    fn fast_parse_matches_chrono() {
        for text in [
            "2025-03-01T08:20:30Z",
            "2025-03-01T08:20:30.1Z",
            "2025-03-01T08:20:30.123456789Z",
            "2024-02-29T23:59:59.000001Z",
            "2025-03-01T10:20:30+02:00",
            "2025-03-01t08:20:30z",
            "2016-12-31T23:59:60Z",
        ] {
            assert_eq!(parse_timestamp_fast(text), parse_timestamp(text), "{text}");
            assert!(parse_timestamp_fast(text).is_some(), "{text}");
        }
        for bad in [
            "2025-02-30T08:20:30Z",
            "2025-03-01T24:00:00Z",
            "2025-03-01T08:20:30.Z",
            "2025-03-01T08:20:30.1234567890Z",
            "2025-03-01 08:20:30Z",
            "yesterday",
            "٢٠٢٥-03-01T08:20:30Z",
        ] {
            assert_eq!(parse_timestamp_fast(bad), parse_timestamp(bad), "{bad}");
        }
    }
}
