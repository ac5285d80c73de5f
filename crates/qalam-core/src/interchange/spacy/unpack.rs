//! A MessagePack reader for what a `DocBin` holds: every type but extensions, checked (a
//! truncated or malformed input is an error, never a panic).

/// A decoded MessagePack value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `nil`.
    Nil,
    /// `true` / `false`.
    Bool(bool),
    /// An integer (unsigned ones above `i64::MAX` are kept as `u64`).
    Int(i128),
    /// A float.
    Float(f64),
    /// A UTF-8 string.
    Str(String),
    /// A binary (Python `bytes`).
    Bin(Vec<u8>),
    /// An array.
    Array(Vec<Value>),
    /// A map, in input order.
    Map(Vec<(Value, Value)>),
}

impl Value {
    /// The value under the string key `key` of a map.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(k, Value::Str(s) if s == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The bytes of a binary (or of a string).
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bin(bytes) => Some(bytes),
            Value::Str(text) => Some(text.as_bytes()),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn items(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An integer that fits `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Int(n) => u64::try_from(*n).ok(),
            _ => None,
        }
    }
}

/// Decodes one value from the start of `bytes`, which it must fill exactly.
pub fn decode(bytes: &[u8]) -> Result<Value, String> {
    let mut reader = Reader { bytes, at: 0 };
    let value = reader.value(0)?;
    if reader.at != bytes.len() {
        return Err(format!(
            "{} bytes left after the value",
            bytes.len() - reader.at
        ));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| format!("truncated at byte {}", self.at))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn uint(&mut self, n: usize) -> Result<u64, String> {
        Ok(self
            .take(n)?
            .iter()
            .fold(0u64, |v, b| (v << 8) | u64::from(*b)))
    }

    fn len(&mut self, n: usize) -> Result<usize, String> {
        usize::try_from(self.uint(n)?).map_err(|_| "length too large".to_owned())
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > 64 {
            return Err("nested too deeply".to_owned());
        }
        let byte = self.take(1)?[0];
        let value = match byte {
            0x00..=0x7f => Value::Int(i128::from(byte)),
            0x80..=0x8f => self.map(usize::from(byte & 0x0f), depth)?,
            0x90..=0x9f => self.array(usize::from(byte & 0x0f), depth)?,
            0xa0..=0xbf => self.str(usize::from(byte & 0x1f))?,
            0xc0 => Value::Nil,
            0xc2 => Value::Bool(false),
            0xc3 => Value::Bool(true),
            0xc4..=0xc6 => {
                let len = self.len(1 << (byte - 0xc4))?;
                Value::Bin(self.take(len)?.to_vec())
            }
            0xca => Value::Float(f64::from(f32::from_bits(self.uint(4)? as u32))),
            0xcb => Value::Float(f64::from_bits(self.uint(8)?)),
            0xcc..=0xcf => Value::Int(i128::from(self.uint(1 << (byte - 0xcc))?)),
            0xd0..=0xd3 => {
                let n = 1usize << (byte - 0xd0);
                let raw = self.uint(n)?;
                let shift = 64 - 8 * n as u32;
                Value::Int(i128::from(((raw << shift) as i64) >> shift))
            }
            0xd9..=0xdb => {
                let len = self.len(1 << (byte - 0xd9))?;
                self.str(len)?
            }
            0xdc | 0xdd => {
                let len = self.len(if byte == 0xdc { 2 } else { 4 })?;
                self.array(len, depth)?
            }
            0xde | 0xdf => {
                let len = self.len(if byte == 0xde { 2 } else { 4 })?;
                self.map(len, depth)?
            }
            0xe0..=0xff => Value::Int(i128::from(byte as i8)),
            other => return Err(format!("unsupported MessagePack type {other:#04x}")),
        };
        Ok(value)
    }

    fn str(&mut self, len: usize) -> Result<Value, String> {
        let raw = self.take(len)?;
        String::from_utf8(raw.to_vec())
            .map(Value::Str)
            .map_err(|_| "a string is not UTF-8".to_owned())
    }

    fn array(&mut self, len: usize, depth: usize) -> Result<Value, String> {
        let mut items = Vec::with_capacity(len.min(self.bytes.len()));
        for _ in 0..len {
            items.push(self.value(depth + 1)?);
        }
        Ok(Value::Array(items))
    }

    fn map(&mut self, len: usize, depth: usize) -> Result<Value, String> {
        let mut entries = Vec::with_capacity(len.min(self.bytes.len()));
        for _ in 0..len {
            let key = self.value(depth + 1)?;
            let value = self.value(depth + 1)?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::spacy::msgpack;

    #[test]
    fn what_the_encoder_writes_decodes_back_and_truncation_is_an_error() {
        let mut out = Vec::new();
        msgpack::map(&mut out, 2);
        msgpack::str(&mut out, "a");
        msgpack::array(&mut out, 2);
        msgpack::uint(&mut out, u64::MAX);
        msgpack::bin(&mut out, &[7; 300]);
        msgpack::str(&mut out, "b");
        msgpack::bool(&mut out, true);
        let value = decode(&out).unwrap();
        let items = value.get("a").unwrap().items().unwrap();
        assert_eq!(items[0].as_u64(), Some(u64::MAX));
        assert_eq!(items[1].bytes().unwrap().len(), 300);
        assert_eq!(value.get("b"), Some(&Value::Bool(true)));
        assert_eq!(decode(&[0xd0, 0xff]).unwrap(), Value::Int(-1));
        assert!(decode(&out[..out.len() - 2]).is_err());
        assert!(decode(&[0x91]).is_err());
    }
}
