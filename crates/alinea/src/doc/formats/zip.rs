//! Zip archives, the container of `.docx` and `.odt` files: the central directory, stored and
//! deflated entries, each checked against its CRC-32.
//!
//! Bounded: an entry may inflate to at most [`MAX_ENTRY`] bytes and all the entries read from
//! one archive to at most [`MAX_TOTAL`]; the size an entry declares is the limit it is inflated
//! to, so a zip bomb is refused after at most that much work, never inflated whole. Encrypted
//! entries, ZIP64 archives, multi-disk archives and compression methods other than stored and
//! deflate are refused with a [`ZipError`] saying so.

use std::cell::Cell;
use std::fmt;

/// The most bytes one entry may inflate to: 256 MiB.
pub const MAX_ENTRY: u64 = 256 << 20;
/// The most bytes all the entries read from one archive may inflate to: 512 MiB.
pub const MAX_TOTAL: u64 = 512 << 20;

/// Why an archive or an entry cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Not a zip archive, or a broken one (the message says where).
    Corrupt(String),
    /// A zip feature alinea does not read (encryption, ZIP64, another compression method).
    Unsupported(String),
    /// An entry (or the entries together) would inflate past the limits.
    TooLarge(String),
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZipError::Corrupt(m) => write!(f, "is not a valid zip archive: {m}"),
            ZipError::Unsupported(m) | ZipError::TooLarge(m) => f.write_str(m),
        }
    }
}

/// One file of the archive, as its central directory describes it.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    /// Offset of the local header.
    offset: u64,
}

/// A zip archive held in memory.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Bytes inflated so far, against [`MAX_TOTAL`].
    inflated: Cell<u64>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn corrupt(m: impl Into<String>) -> ZipError {
    ZipError::Corrupt(m.into())
}

/// Whether `bytes` start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

impl<'a> Archive<'a> {
    /// Reads the central directory of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        const EOCD: u32 = 0x0605_4b50;
        if bytes.len() < 22 {
            return Err(corrupt("too short to hold a zip directory"));
        }
        // The end record stands in the last 22 + 65,535 (comment) bytes.
        let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (lowest..=bytes.len() - 22)
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(EOCD))
            .ok_or_else(|| corrupt("no end of central directory record (truncated?)"))?;
        let disk = u16_at(bytes, end + 4).unwrap_or(0);
        let cd_disk = u16_at(bytes, end + 6).unwrap_or(0);
        let count = u16_at(bytes, end + 10).unwrap_or(0);
        let cd_size = u32_at(bytes, end + 12).unwrap_or(0);
        let cd_offset = u32_at(bytes, end + 16).unwrap_or(0);
        if disk != 0 || cd_disk != 0 {
            return Err(ZipError::Unsupported(
                "is a multi-disk (split) zip archive, which alinea does not read".into(),
            ));
        }
        if count == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_offset == 0xFFFF_FFFF {
            return Err(ZipError::Unsupported(
                "is a ZIP64 archive, which alinea does not read".into(),
            ));
        }
        let (cd_offset, cd_size) = (cd_offset as usize, cd_size as usize);
        if cd_offset.checked_add(cd_size).is_none_or(|e| e > end) {
            return Err(corrupt("the central directory lies outside the file"));
        }
        let mut entries = Vec::with_capacity(usize::from(count));
        let mut at = cd_offset;
        for n in 0..count {
            let bad = || corrupt(format!("central directory entry {} is cut short", n + 1));
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(corrupt(format!(
                    "central directory entry {} has a bad signature",
                    n + 1
                )));
            }
            let field16 = |o: usize| u16_at(bytes, at + o).ok_or_else(bad);
            let field32 = |o: usize| u32_at(bytes, at + o).ok_or_else(bad);
            let flags = field16(8)?;
            let method = field16(10)?;
            let crc = field32(16)?;
            let compressed = field32(20)?;
            let size = field32(24)?;
            let name_len = usize::from(field16(28)?);
            let extra_len = usize::from(field16(30)?);
            let comment_len = usize::from(field16(32)?);
            let offset = field32(42)?;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(bad)?;
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                return Err(ZipError::Unsupported(
                    "is a ZIP64 archive, which alinea does not read".into(),
                ));
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                flags,
                method,
                crc,
                compressed: compressed.into(),
                size: size.into(),
                offset: offset.into(),
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive {
            bytes,
            entries,
            inflated: Cell::new(0),
        })
    }

    /// The names of the archive's entries, in directory order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// Whether the archive holds an entry named `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The inflated bytes of the entry `name`, `None` when there is none.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, ZipError> {
        let Some(e) = self.entries.iter().find(|e| e.name == name) else {
            return Ok(None);
        };
        if e.flags & 1 != 0 {
            return Err(ZipError::Unsupported(format!(
                "is encrypted ({name} needs a password), which alinea does not read"
            )));
        }
        if e.size > MAX_ENTRY {
            return Err(ZipError::TooLarge(format!(
                "{name} would inflate to {} bytes, past the limit of {MAX_ENTRY} for one part (a zip bomb?)",
                e.size
            )));
        }
        let total = self.inflated.get() + e.size;
        if total > MAX_TOTAL {
            return Err(ZipError::TooLarge(format!(
                "its parts would inflate to more than {MAX_TOTAL} bytes in all (a zip bomb?)"
            )));
        }
        let at = usize::try_from(e.offset).map_err(|_| corrupt("entry offset too large"))?;
        if u32_at(self.bytes, at) != Some(0x0403_4b50) {
            return Err(corrupt(format!("{name}: bad local header")));
        }
        let name_len = usize::from(u16_at(self.bytes, at + 26).unwrap_or(0));
        let extra_len = usize::from(u16_at(self.bytes, at + 28).unwrap_or(0));
        let start = at + 30 + name_len + extra_len;
        let data = usize::try_from(e.compressed)
            .ok()
            .and_then(|len| self.bytes.get(start..start.checked_add(len)?))
            .ok_or_else(|| corrupt(format!("{name}: its data is cut short")))?;
        let size = e.size as usize;
        let out = match e.method {
            0 => data.to_vec(),
            8 => {
                // One byte past the declared size tells a lying directory from an honest one.
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, size + 1).map_err(
                    |err| match err.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => corrupt(format!(
                            "{name} inflates past the {size} bytes it declares (a zip bomb?)"
                        )),
                        _ => corrupt(format!("{name}: its deflated data is damaged")),
                    },
                )?
            }
            m => {
                return Err(ZipError::Unsupported(format!(
                "{name} uses compression method {m}; alinea reads stored and deflated parts only"
            )))
            }
        };
        if out.len() != size {
            return Err(corrupt(format!(
                "{name} holds {} bytes, not the {size} it declares",
                out.len()
            )));
        }
        if crc32(&out) != e.crc {
            return Err(corrupt(format!("{name} fails its CRC-32 check (damaged)")));
        }
        self.inflated.set(total);
        Ok(Some(out))
    }
}

/// CRC-32 (IEEE), as zip records it.
pub fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// A small archive of `entries`, stored or deflated (for tests, fixtures and fuzz seeds).
pub fn write(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (method, body) = if deflate {
            (8u16, miniz_oxide::deflate::compress_to_vec(data, 6))
        } else {
            (0u16, data.to_vec())
        };
        let crc = crc32(data);
        let header = |sig: u32, central_dir: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central_dir {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]);
            h.extend(crc.to_le_bytes());
            h.extend((body.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central_dir {
                // Comment length, disk, internal and external attributes.
                h.extend([0u8; 6]);
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&body);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stored_and_deflated_entries() {
        for deflate in [false, true] {
            let z = write(&[("a.txt", b"hello"), ("b/c.xml", b"<x/>")], deflate);
            assert!(is_zip(&z));
            let a = Archive::new(&z).unwrap();
            assert_eq!(a.names().collect::<Vec<_>>(), ["a.txt", "b/c.xml"]);
            assert_eq!(a.read("b/c.xml").unwrap().unwrap(), b"<x/>");
            assert_eq!(a.read("missing").unwrap(), None);
        }
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn refuses_damage_and_bombs() {
        assert!(matches!(
            Archive::new(b"PK\x03\x04 not really"),
            Err(ZipError::Corrupt(_))
        ));
        let mut z = write(&[("a.txt", b"hello hello hello")], true);
        // Truncated: no end record.
        assert!(Archive::new(&z[..z.len() - 5]).is_err());
        // A flipped data byte: the CRC (or the inflater) notices.
        z[40] ^= 0xFF;
        let a = Archive::new(&z).unwrap();
        assert!(matches!(a.read("a.txt"), Err(ZipError::Corrupt(_))));
        // A bomb: 100 MB of zeros declaring 10 bytes is stopped at 11.
        let zeros = vec![0u8; 1 << 20];
        let mut z = write(&[("big", &zeros)], true);
        let cd = z.len() - 22 - (46 + 3);
        z[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        let e = Archive::new(&z).unwrap().read("big").unwrap_err();
        assert!(e.to_string().contains("inflates past"), "{e}");
        // A part declaring more than the limit is not even started.
        z[cd + 24..cd + 28].copy_from_slice(&u32::MAX.wrapping_sub(1).to_le_bytes());
        let e = Archive::new(&z).unwrap().read("big").unwrap_err();
        assert!(matches!(e, ZipError::TooLarge(_)), "{e}");
    }

    #[test]
    fn refuses_encrypted_entries() {
        let mut z = write(&[("a.txt", b"secret")], false);
        let cd = z.len() - 22 - (46 + 5);
        z[cd + 8] |= 1;
        let e = Archive::new(&z).unwrap().read("a.txt").unwrap_err();
        assert!(e.to_string().contains("encrypted"), "{e}");
    }
}
