//! The few MessagePack encodings a `DocBin` needs (maps, arrays, strings, binaries, unsigned
//! integers, booleans), written straight into a byte buffer, as `srsly.msgpack_dumps` writes
//! them: the shortest form for each length and value.

/// Appends a map header for `len` entries.
pub fn map(out: &mut Vec<u8>, len: usize) {
    header(out, len, 0x80, 0xde, 0xdf);
}

/// Appends an array header for `len` items.
pub fn array(out: &mut Vec<u8>, len: usize) {
    header(out, len, 0x90, 0xdc, 0xdd);
}

/// Appends a UTF-8 string.
pub fn str(out: &mut Vec<u8>, value: &str) {
    let len = value.len();
    if len < 32 {
        out.push(0xa0 | len as u8);
    } else if len <= 0xff {
        out.extend([0xd9, len as u8]);
    } else if len <= 0xffff {
        out.push(0xda);
        out.extend((len as u16).to_be_bytes());
    } else {
        out.push(0xdb);
        out.extend((len as u32).to_be_bytes());
    }
    out.extend_from_slice(value.as_bytes());
}

/// Appends a binary (Python `bytes`).
pub fn bin(out: &mut Vec<u8>, value: &[u8]) {
    let len = value.len();
    if len <= 0xff {
        out.extend([0xc4, len as u8]);
    } else if len <= 0xffff {
        out.push(0xc5);
        out.extend((len as u16).to_be_bytes());
    } else {
        out.push(0xc6);
        out.extend((len as u32).to_be_bytes());
    }
    out.extend_from_slice(value);
}

/// Appends an unsigned integer.
pub fn uint(out: &mut Vec<u8>, value: u64) {
    if value < 0x80 {
        out.push(value as u8);
    } else if value <= 0xff {
        out.extend([0xcc, value as u8]);
    } else if value <= 0xffff {
        out.push(0xcd);
        out.extend((value as u16).to_be_bytes());
    } else if value <= 0xffff_ffff {
        out.push(0xce);
        out.extend((value as u32).to_be_bytes());
    } else {
        out.push(0xcf);
        out.extend(value.to_be_bytes());
    }
}

/// Appends a boolean.
pub fn bool(out: &mut Vec<u8>, value: bool) {
    out.push(if value { 0xc3 } else { 0xc2 });
}

fn header(out: &mut Vec<u8>, len: usize, fix: u8, sixteen: u8, thirty_two: u8) {
    if len < 16 {
        out.push(fix | len as u8);
    } else if len <= 0xffff {
        out.push(sixteen);
        out.extend((len as u16).to_be_bytes());
    } else {
        out.push(thirty_two);
        out.extend((len as u32).to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_match_the_msgpack_spec() {
        let mut out = Vec::new();
        map(&mut out, 1);
        str(&mut out, "a");
        array(&mut out, 2);
        uint(&mut out, 5);
        uint(&mut out, 300);
        bool(&mut out, false);
        bin(&mut out, &[1, 2]);
        assert_eq!(
            out,
            [0x81, 0xa1, b'a', 0x92, 5, 0xcd, 1, 44, 0xc2, 0xc4, 2, 1, 2]
        );
        let mut long = Vec::new();
        str(&mut long, &"x".repeat(40));
        assert_eq!(&long[..2], &[0xd9, 40]);
        let mut big = Vec::new();
        uint(&mut big, u64::MAX);
        assert_eq!(big[0], 0xcf);
        let mut many = Vec::new();
        array(&mut many, 20);
        assert_eq!(many, [0xdc, 0, 20]);
    }
}
