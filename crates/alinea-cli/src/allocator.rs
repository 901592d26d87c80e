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

/// Settle the allocator's policy, once, before any work (a no-op off glibc).
pub fn settle() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of the allocator; it is called before any
    // other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
