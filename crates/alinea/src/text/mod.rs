//! Text: character classes, folding, normalisation for matching, markup residue, language
//! detection and sentence segmentation, with per-language rules.

pub mod chars;
pub mod dates;
pub mod escape;
pub mod fold;
pub mod freq;
pub mod lang;
pub mod markup;
pub mod normalize;
pub mod sentences;
pub mod srx;

/// A count of the elementary steps (characters read, positions tried) the text readers take,
/// for the tests that check their work grows linearly with their input. Compiled to nothing
/// outside the library's own tests.
pub(crate) mod steps {
    #[cfg(test)]
    thread_local! {
        static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    /// Count `n` steps.
    #[inline(always)]
    pub(crate) fn add(n: usize) {
        #[cfg(test)]
        STEPS.with(|s| s.set(s.get() + n as u64));
        #[cfg(not(test))]
        let _ = n;
    }

    /// The steps `f` takes (on this thread).
    #[cfg(test)]
    pub(crate) fn count(f: impl FnOnce()) -> u64 {
        let before = STEPS.with(std::cell::Cell::get);
        f();
        STEPS.with(std::cell::Cell::get) - before
    }
}
