//! Decoding: raw bytes → UTF-8 text, in one pass over chunks, so that a whole file and a stream
//! are decoded by the same code and refused with the same words.
//!
//! Accepted: UTF-8 with or without a BOM (the BOM is dropped), UTF-16 LE/BE with a BOM
//! (transcoded to UTF-8). Refused, naming the byte offset in the file of the first bad byte:
//! invalid UTF-8 or UTF-16, and control characters that do not occur in text (binary data).
//! A file whose NUL bytes fall at every other byte around mostly ASCII is said to look like
//! UTF-16 without a BOM; any other file with NULs or control characters holds binary data.
//!
//! There is deliberately no fallback to Windows-1252 or Latin-1: every byte sequence is valid
//! in those encodings, so a wrong guess would silently turn `é` into `Ã©` in an aligned
//! memory. A user with such a file converts it once (`iconv -f WINDOWS-1252 -t UTF-8`) and
//! knows what they get.

use std::io::Read;

/// Why bytes were refused. Turned into an [`crate::Error`] by the caller, who knows the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No bytes at all.
    Empty,
    /// More bytes than the limit (the limit, in bytes).
    TooLarge(u64),
    /// Not text alinea decodes: the message says why and where.
    Bad(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Empty => f.write_str("is empty"),
            Failure::TooLarge(limit) => write!(
                f,
                "is larger than {}, the limit for one input file",
                size(*limit)
            ),
            Failure::Bad(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Failure {}

/// A byte count for messages: `1 GiB`, `64 KiB`, `10 bytes`.
pub(crate) fn size(n: u64) -> String {
    for (unit, name) in [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if n >= unit && n % unit == 0 {
            return format!("{} {name}", n / unit);
        }
    }
    format!("{n} bytes")
}

/// Control characters that do not occur in text: everything below U+0020 except tab, line
/// feed, form feed and carriage return. (DEL and the C1 controls are let through: XML allows
/// them, and a translation memory may carry them.)
fn binary_char(c: u32) -> bool {
    c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D)
}

/// The first byte of UTF-8 `bytes` that is a [`binary_char`]: a word of eight bytes none of
/// which is below 0x20 is passed whole; a word with one (a line's end or a tab, most often) is
/// looked at byte by byte.
fn first_binary(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // Some byte below 0x20 (exact for bytes below 0x80; 0x80 and above never match).
        if w.wrapping_sub(0x20 * ONES) & !w & HIGH != 0 {
            if let Some(k) = word.iter().position(|&b| binary_char(b.into())) {
                return Some(i + k);
            }
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| binary_char(b.into()))
        .map(|k| i + k)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16 { big_endian: bool },
}

/// The decoding state of one input: its encoding (from the BOM) and where it stands.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    encoding: Option<Encoding>,
    /// File offset of the next byte to be fed.
    offset: u64,
    /// The last bytes decoded (at most [`CONTEXT`]), so that a refusal is worded after the
    /// same bytes whether the input comes whole or in pieces.
    history: Vec<u8>,
    /// Line feeds decoded so far, and characters decoded since the last one: where the next
    /// character stands, for refusals that name a line and column.
    lines: u64,
    column: u64,
}

/// How many bytes on each side of a refused byte decide how the refusal is worded (binary
/// data, UTF-16 without a BOM, or invalid UTF-8). A streamed input waits for this many bytes
/// after the bad one (or the end of the input) before refusing, so that the wording depends
/// on the file's bytes only, never on how they were read.
const CONTEXT: usize = 2048;

impl Decoder {
    /// Decodes a prefix of `raw` (the bytes from the file offset where the last call stopped)
    /// into `out`, and returns how many bytes it used. Bytes left over (an incomplete
    /// sequence, or too few to tell the BOM) must be fed again with what follows; `last` says
    /// nothing follows.
    pub fn feed(&mut self, raw: &[u8], last: bool, out: &mut Vec<u8>) -> Result<usize, Failure> {
        let mut used = 0;
        let encoding = match self.encoding {
            Some(e) => e,
            None => {
                if raw.is_empty() && last {
                    return Err(Failure::Empty);
                }
                if raw.len() < 3 && !last {
                    return Ok(0);
                }
                let (e, bom) = if raw.starts_with(b"\xEF\xBB\xBF") {
                    (Encoding::Utf8, 3)
                } else if raw.starts_with(b"\xFF\xFE") {
                    (Encoding::Utf16 { big_endian: false }, 2)
                } else if raw.starts_with(b"\xFE\xFF") {
                    (Encoding::Utf16 { big_endian: true }, 2)
                } else {
                    (Encoding::Utf8, 0)
                };
                self.encoding = Some(e);
                self.offset += bom;
                used = bom as usize;
                e
            }
        };
        let start = out.len();
        let n = match encoding {
            Encoding::Utf8 => self.utf8(&raw[used..], last, out)?,
            Encoding::Utf16 { big_endian } => self.utf16(&raw[used..], big_endian, last, out)?,
        };
        (self.lines, self.column) = self.after(&out[start..]);
        self.offset += n as u64;
        // The text's bytes only: a BOM is no part of what a refusal is worded after (whole,
        // the first feed starts past it).
        self.remember(&raw[used..used + n]);
        Ok(used + n)
    }

    /// The line and column counts after the decoded UTF-8 `text` that follows what was
    /// decoded so far.
    fn after(&self, text: &[u8]) -> (u64, u64) {
        let chars = |b: &[u8]| super::lines::chars(b) as u64;
        match memchr::memrchr(b'\n', text) {
            Some(nl) => {
                let feeds = memchr::memchr_iter(b'\n', text).count() as u64;
                (self.lines + feeds, chars(&text[nl + 1..]))
            }
            None => (self.lines, self.column + chars(text)),
        }
    }

    /// `line L, column C, byte offset N` (1-based line and column, in characters) of the
    /// character after the decoded UTF-8 `text`, which starts at the next byte to be fed.
    fn place(&self, text: &[u8], offset: u64) -> String {
        let (lines, column) = self.after(text);
        format!(
            "line {}, column {}, byte offset {offset}",
            lines + 1,
            column + 1
        )
    }

    /// Keeps the last [`CONTEXT`] bytes of what was decoded.
    fn remember(&mut self, consumed: &[u8]) {
        if consumed.len() >= CONTEXT {
            self.history.clear();
            self.history
                .extend_from_slice(&consumed[consumed.len() - CONTEXT..]);
        } else {
            self.history.extend_from_slice(consumed);
            let excess = self.history.len().saturating_sub(CONTEXT);
            self.history.drain(..excess);
        }
    }

    fn utf8(&self, raw: &[u8], last: bool, out: &mut Vec<u8>) -> Result<usize, Failure> {
        let (valid, bad) = match std::str::from_utf8(raw) {
            Ok(_) => (raw.len(), false),
            Err(e) if e.error_len().is_none() && !last => (e.valid_up_to(), false),
            Err(e) => (e.valid_up_to(), true),
        };
        let control = first_binary(&raw[..valid]);
        let Some(i) = control.or(bad.then_some(valid)) else {
            out.extend_from_slice(&raw[..valid]);
            return Ok(valid);
        };
        if !last && raw.len() < i + CONTEXT {
            // Decode up to the bad byte and wait for the bytes after it.
            out.extend_from_slice(&raw[..i]);
            return Ok(i);
        }
        let what = match control {
            Some(i) => format!("control character U+{:04X}", raw[i]),
            None => String::new(),
        };
        Err(self.refuse(raw, i, what))
    }

    /// The failure for bad byte `i` of `raw` (`what`: a control character, or empty for an
    /// invalid UTF-8 sequence), worded after what the [`CONTEXT`] bytes on each side of it
    /// look like (those before `raw` are in the history).
    fn refuse(&self, raw: &[u8], i: usize, what: String) -> Failure {
        let at = self.offset + i as u64;
        let place = self.place(&raw[..i], at);
        let mut context = self.history.clone();
        let i_in_context = context.len() + i;
        context.extend_from_slice(&raw[..raw.len().min(i + CONTEXT)]);
        let from = i_in_context.saturating_sub(CONTEXT);
        let window = &context[from..];
        if looks_like_utf16(window, at - (i_in_context - from) as u64) {
            return Failure::Bad(format!(
                "looks like UTF-16 without a byte-order mark (NUL bytes at every other byte, \
                 {place}); save it as UTF-8 or as UTF-16 with a BOM"
            ));
        }
        let binary = !what.is_empty() || window.iter().any(|&b| binary_char(b.into()));
        if binary {
            let what = if what.is_empty() {
                format!("byte 0x{:02X}", raw[i])
            } else {
                what
            };
            return Failure::Bad(format!("holds binary data ({what} at {place}), not text"));
        }
        Failure::Bad(format!(
            "is not valid UTF-8 ({place}: byte 0x{:02X}); save it as UTF-8 or UTF-16 \
             with a BOM (other encodings such as Windows-1252 are not guessed)",
            raw[i]
        ))
    }

    fn utf16(
        &self,
        raw: &[u8],
        big_endian: bool,
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<usize, Failure> {
        let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        let unit = |i: usize| {
            let p = [raw[i], raw[i + 1]];
            if big_endian {
                u16::from_be_bytes(p)
            } else {
                u16::from_le_bytes(p)
            }
        };
        let start = out.len();
        let unpaired = |u: u16, place: String| {
            Failure::Bad(format!(
                "is not valid {name} (unpaired surrogate 0x{u:04X} at {place})"
            ))
        };
        let mut i = 0;
        let mut utf8 = [0u8; 4];
        while i + 2 <= raw.len() {
            let u = unit(i);
            let (c, len) = match u {
                0xD800..=0xDBFF => {
                    if i + 4 > raw.len() {
                        if last {
                            return Err(unpaired(
                                u,
                                self.place(&out[start..], self.offset + i as u64),
                            ));
                        }
                        break;
                    }
                    let low = unit(i + 2);
                    if !(0xDC00..=0xDFFF).contains(&low) {
                        return Err(unpaired(
                            u,
                            self.place(&out[start..], self.offset + i as u64),
                        ));
                    }
                    let c = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    (c, 4)
                }
                0xDC00..=0xDFFF => {
                    return Err(unpaired(
                        u,
                        self.place(&out[start..], self.offset + i as u64),
                    ))
                }
                _ => (u32::from(u), 2),
            };
            if binary_char(c) {
                return Err(Failure::Bad(format!(
                    "holds binary data (control character U+{c:04X} at {}), not text",
                    self.place(&out[start..], self.offset + i as u64)
                )));
            }
            let c = char::from_u32(c).expect("surrogates handled above");
            out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            i += len;
        }
        if last && i < raw.len() {
            return Err(Failure::Bad(format!(
                "is not valid {name} (odd number of bytes: {} after the BOM)",
                self.offset - 2 + raw.len() as u64
            )));
        }
        Ok(i)
    }
}

/// Whether `window` (starting at file offset `offset`) looks like UTF-16 text without a BOM:
/// NUL bytes at nine in ten or more of the even (or the odd) offsets, none at the others, and
/// mostly printable ASCII there.
fn looks_like_utf16(window: &[u8], offset: u64) -> bool {
    let mut bytes = [0usize; 2];
    let mut nuls = [0usize; 2];
    let mut ascii = [0usize; 2];
    for (i, &b) in window.iter().enumerate() {
        let parity = ((offset + i as u64) % 2) as usize;
        bytes[parity] += 1;
        if b == 0 {
            nuls[parity] += 1;
        } else if b.is_ascii_graphic() || b.is_ascii_whitespace() {
            ascii[parity] += 1;
        }
    }
    (0..2).any(|p| {
        let other = 1 - p;
        bytes[p] > 0
            && nuls[p] * 10 >= bytes[p] * 9
            && nuls[other] == 0
            && ascii[other] * 2 >= bytes[other]
    })
}

/// Decodes all of `bytes` (a whole file, at most the limit) to text.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, Failure> {
    // Most files are UTF-8 without a BOM or control characters: checked once and copied as
    // they are, which is what the decoder writes for them.
    if !bytes.is_empty() && !bytes.starts_with(b"\xEF\xBB\xBF") {
        if let Ok(text) = std::str::from_utf8(bytes) {
            if first_binary(bytes).is_none() {
                return Ok(text.to_owned());
            }
        }
    }
    decode_chunks(bytes)
}

/// [`decode`] through the [`Decoder`], as a stream is decoded.
fn decode_chunks(bytes: &[u8]) -> Result<String, Failure> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut d = Decoder::default();
    d.feed(bytes, true, &mut out)?;
    Ok(String::from_utf8(out).expect("the decoder writes UTF-8"))
}

/// A reader of UTF-8 bytes over raw bytes in any accepted encoding, refusing past `limit`
/// bytes. Its I/O errors for refused bytes carry a [`Failure`] (see [`super::io_error`]).
pub struct Utf8Reader<R> {
    inner: R,
    decoder: Decoder,
    limit: u64,
    read: u64,
    raw: Vec<u8>,
    /// How many bytes of `raw` are filled.
    filled: usize,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf8Reader<R> {
    /// Decodes `inner`, refusing more than `limit` bytes.
    pub fn new(inner: R, limit: u64) -> Self {
        Utf8Reader {
            inner,
            decoder: Decoder::default(),
            limit,
            read: 0,
            raw: vec![0; 64 * 1024],
            filled: 0,
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

fn failed(f: Failure) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, f)
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = loop {
                match self.inner.read(&mut self.raw[self.filled..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            };
            self.read += n as u64;
            if self.read > self.limit {
                self.done = true;
                return Err(failed(Failure::TooLarge(self.limit)));
            }
            self.filled += n;
            let last = n == 0;
            self.out.clear();
            self.pos = 0;
            let used = self
                .decoder
                .feed(&self.raw[..self.filled], last, &mut self.out)
                .map_err(|f| {
                    self.done = true;
                    failed(f)
                })?;
            self.raw.copy_within(used..self.filled, 0);
            self.filled -= used;
            self.done = last;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests;
