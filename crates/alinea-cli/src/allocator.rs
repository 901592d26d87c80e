//! The process's memory allocator settings.
//!
//! glibc's `malloc` serves a large block (above 128 KiB) by mapping pages of its own, and
//! returns them when the block is freed; but after the first such block is freed it raises
//! that threshold (up to 32 MiB), so that later large blocks — an alignment's search tables,
//! freed row block after row block by several threads — come from the heaps, whose freed
//! space the process keeps. On a 16 MB pair of documents that held peak memory at 137 MB
//! for a 98 MB peak of live data. Fixing the threshold keeps large blocks mapped and
//! returned: 106 MB there, the same CPU time.
//!
//! glibc also gives a thread that allocates while another holds an arena's lock an arena of
//! its own, up to eight per core, and each arena keeps its freed space apart. Two arenas hold
//! that pair at 84 MB instead of 87, at the same CPU time.
//!
//! `lint` makes and frees many small blocks on both threads (a draft's units, their words and
//! term hits), and glibc gives the top of its heap back to the system whenever 128 KiB of it
//! is free, then takes it again, a page fault for every page. For `lint` the heap grows by
//! 16 MiB at a time and keeps up to 64 MiB of free space at its top: on an 8 MB draft, 15 %
//! fewer page faults and 0.155 s instead of 0.167 s of wall time (`perf stat -r 11`), the
//! same peak memory (95 MB). The alignment keeps glibc's own values: with these it peaks 5 to
//! 10 MB higher on 16.5 MB of input, above its five times the input.
//!
//! `build` aligns many small documents on several threads at once (two per core by default,
//! so that some align while others wait for the disk; it was four per core when this was
//! measured): with two arenas they queue for the arenas' locks.
//! There each thread may have an arena of its own (up to eight) and the heap keeps its top as
//! for `lint`: on 10,000 document triples, about 1 s less of user time of 25 and a third less
//! system time, for a few MB more of peak memory (51 → 55–58 MB).

/// What the process will mostly do, for the allocator's policy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Checking drafts: many small blocks made and freed on every thread.
    Lint,
    /// A batch: many small documents aligned on more threads than cores.
    Batch,
    /// Everything else.
    Other,
}

/// Settle the allocator's policy, once, before any work (a no-op off glibc).
pub fn settle(work: Work) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of the allocator; it is called before any
    // other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_ARENA_MAX, if work == Work::Batch { 8 } else { 2 });
        if work != Work::Other {
            libc::mallopt(libc::M_TOP_PAD, 16 << 20);
            libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = work;
}
