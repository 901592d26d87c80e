//! Lists of ids, one per unit, stored flat ([`Lists`]), and lists made block by block in
//! parallel and kept in their blocks ([`BlockLists`]).
//!
//! Invariants (tested below): list `i` of a [`BlockLists`] is list `i % BLOCK` of block
//! `i / BLOCK`; iteration visits the lists, and their items, in order.

/// Lists of ids, one per unit, stored flat: list `u` is `items[start[u]..start[u + 1]]`.
#[derive(Clone, Debug)]
pub(crate) struct Lists {
    items: Vec<u32>,
    start: Vec<u32>,
}

impl Default for Lists {
    fn default() -> Self {
        Lists::with_capacity(0, 0)
    }
}

impl Lists {
    pub fn with_capacity(lists: usize, items: usize) -> Self {
        let mut start = Vec::with_capacity(lists + 1);
        start.push(0);
        Lists {
            items: Vec::with_capacity(items),
            start,
        }
    }

    /// Append a list.
    #[inline]
    pub fn push(&mut self, list: &[u32]) {
        self.items.extend_from_slice(list);
        self.start.push(self.items.len() as u32);
    }

    /// List `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &[u32] {
        &self.items[self.start[i] as usize..self.start[i + 1] as usize]
    }

    /// Lists `lo..hi`, end to end.
    pub fn get_range(&self, lo: usize, hi: usize) -> &[u32] {
        &self.items[self.start[lo] as usize..self.start[hi] as usize]
    }

    /// Give back the room reserved beyond the items.
    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
        self.start.shrink_to_fit();
    }

    /// The number of lists.
    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// The lists in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        self.start
            .windows(2)
            .map(|w| &self.items[w[0] as usize..w[1] as usize])
    }

    /// Every item of every list.
    pub fn items(&self) -> &[u32] {
        &self.items
    }

    /// Each id replaced by `map[id]`, each list sorted again.
    pub(super) fn remap_sorted(&mut self, map: &[u32]) {
        for x in &mut self.items {
            *x = map[*x as usize];
        }
        for w in self.start.windows(2) {
            self.items[w[0] as usize..w[1] as usize].sort_unstable();
        }
    }
}

/// Lists made in blocks of [`BlockLists::BLOCK`] lists (each block built on its own, in
/// parallel) and kept as they were made: merging them into one [`Lists`] would hold every
/// list twice for a moment, the largest allocation of an alignment.
#[derive(Clone, Debug, Default)]
pub(crate) struct BlockLists {
    blocks: Vec<Lists>,
}

impl BlockLists {
    const SHIFT: u32 = 9;
    /// Lists per block (every block holds this many but the last).
    pub const BLOCK: usize = 1 << Self::SHIFT;

    /// Blocks of [`BlockLists::BLOCK`] lists each, but the last, which may hold fewer.
    pub fn new(blocks: Vec<Lists>) -> Self {
        let n = blocks.len();
        for (i, b) in blocks.iter().enumerate() {
            assert!(
                b.len() == Self::BLOCK || (i + 1 == n && b.len() <= Self::BLOCK),
                "block {i} of {n} holds {} lists",
                b.len()
            );
        }
        BlockLists { blocks }
    }

    /// List `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &[u32] {
        self.blocks[i >> Self::SHIFT].get(i & (Self::BLOCK - 1))
    }

    /// The lists in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.blocks.iter().flat_map(Lists::iter)
    }

    /// Every item of every list, in order.
    pub fn items(&self) -> impl Iterator<Item = u32> + '_ {
        self.blocks.iter().flat_map(|b| b.items().iter().copied())
    }

    /// The blocks, to rebuild one at a time.
    pub fn blocks_mut(&mut self) -> &mut [Lists] {
        &mut self.blocks
    }

    /// The blocks.
    pub fn blocks(&self) -> &[Lists] {
        &self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lists(ls: &[Vec<u32>]) -> Lists {
        let mut out = Lists::with_capacity(ls.len(), 0);
        for l in ls {
            out.push(l);
        }
        out
    }

    proptest! {
        #[test]
        fn block_lists_read_as_the_flat_lists(
            ls in proptest::collection::vec(proptest::collection::vec(0u32..50, 0..4), 0..1200)
        ) {
            let flat = lists(&ls);
            let blocks = BlockLists::new(ls.chunks(BlockLists::BLOCK).map(lists).collect());
            for (i, l) in ls.iter().enumerate() {
                prop_assert_eq!(blocks.get(i), &l[..]);
            }
            prop_assert!(blocks.iter().eq(flat.iter()));
            prop_assert!(blocks.items().eq(flat.items().iter().copied()));
        }
    }

    #[test]
    #[should_panic(expected = "block 0 of 2 holds 3 lists")]
    fn a_short_block_before_the_last_is_refused() {
        let short = lists(&[vec![1], vec![2], vec![3]]);
        BlockLists::new(vec![short.clone(), short]);
    }

    #[test]
    fn lists_and_ranges() {
        let l = lists(&[vec![1, 2], vec![], vec![3], vec![4, 5, 6]]);
        assert_eq!(l.len(), 4);
        assert_eq!(l.get(3), &[4, 5, 6]);
        assert_eq!(l.get_range(1, 3), &[3]);
        assert_eq!(l.get_range(0, 4), &[1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn shrinking_keeps_the_lists() {
        let mut l = Lists::with_capacity(10, 1000);
        l.push(&[1, 2]);
        l.push(&[]);
        l.push(&[3]);
        l.shrink_to_fit();
        assert_eq!(l.iter().collect::<Vec<_>>(), [&[1, 2][..], &[], &[3]]);
    }
}
