//! The process's memory allocator and its settings, chosen by the command.
//!
//! The allocator is mimalloc. `lint` makes and frees many small blocks on both threads (a
//! draft's units, their words, their term hits): glibc's `malloc` took a fifth of its CPU
//! time there, in its own code and in page faults on memory it had given back to the system
//! and took again. mimalloc keeps freed pages a moment before giving them back and maps its
//! memory in transparent huge pages where the system allows it (a few hundred page faults
//! instead of twenty thousand on an 8 MB draft): 0.31 s of CPU instead of 0.40 there
//! (`perf stat -r 11`), for about 140 MB of peak memory instead of 84.
//!
//! The alignment would pay for the same policy in memory (the 40.9k-line pair peaked at 170
//! MB instead of 83, past its five times the input), so every other command turns transparent
//! huge pages off for the process and asks mimalloc to give freed pages back at once: 87 MB
//! there, the same CPU time; `build` and `terms extract` peak a little lower than with glibc.

use std::os::raw::{c_int, c_long};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What the process will mostly do, for the allocator's policy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Checking drafts: many small blocks made and freed on every thread.
    Lint,
    /// Everything else: memory given back as soon as it is freed.
    Other,
}

// mimalloc's option numbers (`mi_option_e` in its `mimalloc.h`, version 3; the bindings name
// only some of them).
const PURGE_DELAY: c_int = 15;

/// Settle the allocator's policy, once, before any work.
pub fn settle(work: Work) {
    if work == Work::Other {
        // SAFETY: `mi_option_set` only sets one of mimalloc's parameters, which it reads
        // atomically; no other thread exists yet.
        unsafe {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0 as c_long);
        }
        #[cfg(target_os = "linux")]
        // SAFETY: `prctl(PR_SET_THP_DISABLE)` only sets a flag of this process.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}
