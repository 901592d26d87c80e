use super::*;

proptest::proptest! {
    #[test]
    fn the_first_binary_byte_is_found_as_byte_by_byte(
        bytes in proptest::collection::vec(
            proptest::sample::select(vec![
                0u8, 1, 8, 9, 10, 12, 13, 0x1B, 0x1F, 0x20, b'a', 0x7F, 0x80, 0xC3, 0xA9, 0xFF,
            ]),
            0..40,
        )
    ) {
        proptest::prop_assert_eq!(
            first_binary(&bytes),
            bytes.iter().position(|&b| binary_char(b.into()))
        );
    }
}

fn d(b: &[u8]) -> Result<String, String> {
    decode(b).map_err(|e| e.to_string())
}

/// The same bytes through the streaming reader, one byte at a time.
fn streamed(b: &[u8]) -> Result<String, String> {
    struct OneByte<'a>(&'a [u8]);
    impl Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.0.len()).min(1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut s = String::new();
    Utf8Reader::new(OneByte(b), 1 << 20)
        .read_to_string(&mut s)
        .map(|_| s)
        .map_err(|e| e.into_inner().unwrap().to_string())
}

#[test]
fn whole_files_decode_as_the_decoder_decodes_them() {
    for b in [
        &b""[..],
        b"a",
        b"ab",
        b"abc\r\n\tdef\x0C",
        b"\xEF\xBB\xBFabc",
        b"\xEF\xBB",
        b"\xFF\xFEa\x00\xe9\x00",
        b"\xFE\xFF\x00a\x00\xe9",
        "نص 😀 é".as_bytes(),
        b"abc\x00def",
        b"abc\x1Bdef",
        b"abc\xC3",
        b"abc\xFFdef",
        b"\xEF\xBB\xBF\x01",
    ] {
        assert_eq!(decode(b), decode_chunks(b), "{b:?}");
    }
    assert_eq!(decode("نص é".as_bytes()).unwrap(), "نص é");
    assert!(decode(b"abc\x00def").is_err());
}

#[test]
fn encodings() {
    for f in [d, streamed] {
        assert_eq!(f(b"abc").unwrap(), "abc");
        assert_eq!(f(b"ab").unwrap(), "ab");
        assert_eq!(f(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        assert_eq!(f(b"\xFF\xFEa\x00\xe9\x00").unwrap(), "aé");
        assert_eq!(f(b"\xFE\xFF\x00a\x00\xe9").unwrap(), "aé");
        assert_eq!(f(b"\xFF\xFE\x3D\xD8\x00\xDEx\x00").unwrap(), "😀x");
        assert_eq!(f("نص 😀".as_bytes()).unwrap(), "نص 😀");
    }
}

#[test]
fn refusals_name_the_place() {
    for f in [d, streamed] {
        let e = f(b"").unwrap_err();
        assert_eq!(e, "is empty");
        let e = f(b"caf\xe9 noir").unwrap_err();
        assert!(
            e.contains("not valid UTF-8 (line 1, column 4, byte offset 3"),
            "{e}"
        );
        let e = f("é\nçà\x01".as_bytes()).unwrap_err();
        assert!(e.contains("at line 2, column 3, byte offset 7)"), "{e}");
        let e = f(b"\xFF\xFEa\x00\n\x00b\x00\x01\x00").unwrap_err();
        assert!(e.contains("at line 2, column 2, byte offset 8)"), "{e}");
        let e = f(b"\xEF\xBB\xBFab\xff").unwrap_err();
        assert!(e.contains("byte offset 5"), "{e}");
        let e = f(b"ab\x00cd").unwrap_err();
        assert!(e.contains("binary") && e.contains("byte offset 2"), "{e}");
        let e = f(b"a\x00b\x00c\x00\xe9\x00").unwrap_err();
        assert!(e.contains("UTF-16 without a byte-order mark"), "{e}");
        let e = f(b"\xFF\xFEa\x00b").unwrap_err();
        assert!(e.contains("odd number"), "{e}");
        let e = f(b"\xFF\xFEa\x00\x00\xD8b\x00").unwrap_err();
        assert!(e.contains("byte offset 4"), "{e}");
        let e = f(b"\xFF\xFEa\x00\x01\x00").unwrap_err();
        assert!(e.contains("binary") && e.contains("byte offset 4"), "{e}");
    }
}

/// The wording of a refusal is chosen from the bytes on both sides of the bad one, which
/// the streaming reader waits for: one byte at a time, it words it as the whole file does.
#[test]
fn a_refusal_is_worded_after_the_file_not_the_reads() {
    let mut cases: Vec<Vec<u8>> = vec![b"abc\xC3 \x01".to_vec(), b"\xC3".to_vec()];
    for (before, after) in [(10, 100), (3000, 100), (3000, 3000), (5000, 2040)] {
        let mut b = "é".repeat(before / 2).into_bytes();
        b.push(0xFF);
        b.extend(std::iter::repeat_n(b'a', after));
        b.push(0x01);
        cases.push(b);
    }
    for b in cases {
        let (w, s) = (d(&b).unwrap_err(), streamed(&b).unwrap_err());
        assert_eq!(w, s, "{} bytes", b.len());
    }
    // A control character within the context after the bad byte makes it binary data;
    // further away it does not.
    let mut near = b"abc\xFF".to_vec();
    near.extend(std::iter::repeat_n(b'a', 100));
    near.push(0x01);
    assert!(streamed(&near).unwrap_err().contains("binary"));
    let mut far = b"abc\xFF".to_vec();
    far.extend(std::iter::repeat_n(b'a', 3000));
    far.push(0x01);
    assert!(streamed(&far).unwrap_err().contains("not valid UTF-8"));
}

#[test]
fn binary_is_called_binary() {
    // A PNG header, an ELF header, a gzip header: binary, not "UTF-16".
    for bytes in [
        &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"[..],
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xed\xbd",
        &[0u8; 64],
    ] {
        let e = d(bytes).unwrap_err();
        assert!(e.contains("holds binary data"), "{e}");
        assert!(!e.contains("UTF-16"), "{e}");
    }
    // UTF-16 text without a BOM is named as such, big-endian too.
    let be: Vec<u8> = "Le Conseil"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert!(d(&be).unwrap_err().contains("UTF-16 without"));
}

#[test]
fn the_limit_is_enforced_while_reading() {
    let mut s = String::new();
    let e = Utf8Reader::new(std::io::repeat(b'a'), 100_000)
        .read_to_string(&mut s)
        .unwrap_err();
    assert_eq!(
        e.into_inner().unwrap().to_string(),
        "is larger than 100000 bytes, the limit for one input file"
    );
    assert_eq!(size(1 << 30), "1 GiB");
}
