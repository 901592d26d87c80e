//! The units a candidate occurs in: ascending unit numbers, each once, stored as
//! variable-length gaps, so that a frequent candidate costs about a byte per unit.

/// Ascending unit numbers, each once, stored as variable-length gaps (a frequent candidate
/// costs about a byte per unit, not four).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Units {
    bytes: Vec<u8>,
    len: u32,
    last: Option<u32>,
}

impl Units {
    /// Add `unit` (not below the last one; the last one again is ignored).
    pub fn push(&mut self, unit: u32) {
        let mut gap = match self.last {
            Some(l) if l == unit => return,
            Some(l) => unit - l,
            None => unit,
        };
        while gap >= 0x80 {
            self.bytes.push((gap as u8 & 0x7f) | 0x80);
            gap >>= 7;
        }
        self.bytes.push(gap as u8);
        self.last = Some(unit);
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The units, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let mut pos = 0;
        let mut cur = 0u32;
        std::iter::from_fn(move || {
            if pos >= self.bytes.len() {
                return None;
            }
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let b = self.bytes[pos];
                pos += 1;
                gap |= u32::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            cur += gap;
            Some(cur)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_round_trip_through_gaps() {
        let mut u = Units::default();
        for x in [0, 0, 5, 200, 70_000, 70_000, 4_000_000_000] {
            u.push(x);
        }
        assert_eq!(
            u.iter().collect::<Vec<_>>(),
            vec![0, 5, 200, 70_000, 4_000_000_000]
        );
        assert_eq!(u.len(), 5);
        assert!(!u.is_empty());
        assert!(Units::default().is_empty());
    }
}
