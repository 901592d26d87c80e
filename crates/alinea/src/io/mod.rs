//! Output files are written whole or not at all: to a temporary file beside the target, then
//! renamed over it.
//!
//! - [`write_atomic`]: bytes → one file.
//! - [`AtomicFile`]: a file written as a stream (a TMX of any size), renamed into place by
//!   [`AtomicFile::commit`].
//! - [`FileSet`]: several files (a TMX and its bilingual pairs, a whole `build`) written to
//!   temporary files first, then renamed together; if anything fails before the renames, the
//!   temporary files are removed and the old files are left as they were, and if a rename
//!   fails, the files already renamed are put back.
//! - [`FileSet::unsynced`] and [`sync_files`]: many sets renamed whole but put on disk
//!   together, by one sync (`alinea build`).
//! - [`check_not_input`]: refuses an output that is one of the inputs (the same file, also
//!   through a symbolic or hard link: same device and inode).
//!
//! Temporary files are named `.alinea-tmp-XXXXXX-<target name>` ([`TEMP_PREFIX`]) so a
//! leftover one (after `kill -9`, which no program can catch) is recognisable. Every live
//! temporary file is registered; [`remove_temp_files`] removes them all, for a front end's
//! SIGINT/SIGTERM handler.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::{NamedTempFile, TempPath};

use crate::{Error, Result};

/// How the names of alinea's temporary files start.
pub const TEMP_PREFIX: &str = ".alinea-tmp-";

/// The temporary files alive now (created, not yet renamed or removed).
static TEMPS: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn registry() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

fn unregister(p: &Path) {
    registry().remove(p);
}

/// The temporary files alinea has open now, in path order.
pub fn temp_files() -> Vec<PathBuf> {
    registry().iter().cloned().collect()
}

/// Remove every temporary file alinea has open now, for a signal handler that exits next;
/// returns how many were removed. Files being written are unlinked under their writers.
/// The registry stays locked afterwards, so no other thread can make a temporary file
/// between this call and the exit (a file is created and registered under the same lock).
pub fn remove_temp_files() -> usize {
    let mut r = registry();
    let n = remove_registered(&mut r, |_| true);
    std::mem::forget(r);
    n
}

fn remove_registered(r: &mut BTreeSet<PathBuf>, which: impl Fn(&Path) -> bool) -> usize {
    let chosen: Vec<PathBuf> = r.iter().filter(|p| which(p)).cloned().collect();
    for p in &chosen {
        r.remove(p);
    }
    chosen
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}

/// The folder `path` is written in: its parent, `.` for a bare name. A missing folder is an
/// [`Error::Input`], not created.
fn folder_of(path: &Path) -> Result<&Path> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: format!("output folder {} does not exist", dir.display()),
        });
    }
    Ok(dir)
}

/// A new registered temporary file beside `target`, named after it.
fn temp_beside(target: &Path) -> Result<NamedTempFile> {
    let dir = folder_of(target)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Created and registered under the registry's lock: a signal handler removing the
    // registered files never misses one that exists.
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(&format!("-{name}"))
        .rand_bytes(6)
        .make_in(dir, |path| {
            let mut r = registry();
            let mut options = std::fs::OpenOptions::new();
            options.read(true).write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let file = options.open(path)?;
            r.insert(path.to_path_buf());
            Ok(file)
        })
        .map_err(|e| Error::write(target, e))
}

/// A temporary file that is removed (and unregistered) when dropped.
struct Temp {
    path: Option<TempPath>,
}

impl Temp {
    /// Rename over `target`; the file is no longer temporary.
    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        let p = self.path.take().expect("a live temporary file");
        let name = p.to_path_buf();
        match p.persist(target) {
            Ok(()) => {
                unregister(&name);
                Ok(())
            }
            Err(e) => {
                self.path = Some(e.path);
                Err(e.error)
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(p) = self.path.take() {
            let name = p.to_path_buf();
            drop(p);
            unregister(&name);
        }
    }
}

/// A file written as a stream to a temporary file beside its target, renamed into place by
/// [`AtomicFile::commit`] (or staged in a [`FileSet`]). Dropped without either, the temporary
/// file is removed and the target is untouched.
pub struct AtomicFile {
    target: PathBuf,
    out: BufWriter<File>,
    tmp: Temp,
}

impl AtomicFile {
    /// Start writing `target` (its folder must exist).
    pub fn create(target: &Path) -> Result<AtomicFile> {
        // Through a symbolic link, the file it points to is replaced, not the link.
        let resolved = std::fs::symlink_metadata(target)
            .is_ok_and(|m| m.file_type().is_symlink())
            .then(|| std::fs::canonicalize(target).ok())
            .flatten();
        let target = resolved.as_deref().unwrap_or(target);
        let tmp = temp_beside(target)?;
        let (file, path) = tmp.into_parts();
        Ok(AtomicFile {
            target: target.to_path_buf(),
            out: BufWriter::with_capacity(1 << 16, file),
            tmp: Temp { path: Some(path) },
        })
    }

    /// The file this will become.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flush, sync (unless `sync` is false) and give the usual permissions (or those of the
    /// file replaced): the temporary file is complete.
    fn finish(self, sync: bool) -> Result<(PathBuf, Temp)> {
        let AtomicFile { target, out, tmp } = self;
        let file = out
            .into_inner()
            .map_err(|e| Error::write(&target, e.into_error()))?;
        if sync {
            file.sync_all().map_err(|e| Error::write(&target, e))?;
        }
        // The temporary file is private (0600); give the output the usual permissions, or
        // those of the file it replaces.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = std::fs::metadata(&target)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
            file.set_permissions(perms)
                .map_err(|e| Error::write(&target, e))?;
        }
        Ok((target, tmp))
    }

    /// Finish writing and rename over the target.
    pub fn commit(self) -> Result<()> {
        let (target, tmp) = self.finish(true)?;
        tmp.persist(&target).map_err(|e| Error::write(&target, e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Write `bytes` to `path` atomically. A missing parent folder is an error, not created.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|e| Error::write(path, e))?;
    f.commit()
}

/// Files written to temporary files first and renamed together by [`FileSet::commit`]: all of
/// them are replaced, or none. Dropped without a commit, every temporary file is removed.
#[derive(Default)]
pub struct FileSet {
    staged: Vec<(PathBuf, Temp)>,
    /// The files are renamed without being synced to disk first ([`FileSet::unsynced`]).
    unsynced: bool,
}

impl FileSet {
    pub fn new() -> FileSet {
        FileSet::default()
    }

    /// A set whose files are complete when renamed (a reader, or a run after `kill -9`, never
    /// sees half a file) but not yet on disk: after a power cut a file may be left empty. For a
    /// caller that syncs many sets at once with [`sync_files`] and records them as done only
    /// then (`alinea build`).
    pub fn unsynced() -> FileSet {
        FileSet {
            unsynced: true,
            ..FileSet::default()
        }
    }

    /// Add a file written in full (not yet renamed).
    pub fn add(&mut self, file: AtomicFile) -> Result<()> {
        let staged = file.finish(!self.unsynced)?;
        self.staged.push(staged);
        Ok(())
    }

    /// Add `bytes` as the content of `target`.
    pub fn add_bytes(&mut self, target: &Path, bytes: &[u8]) -> Result<()> {
        let mut f = AtomicFile::create(target)?;
        f.write_all(bytes).map_err(|e| Error::write(target, e))?;
        self.add(f)
    }

    /// Add the files of another set.
    pub fn append(&mut self, other: FileSet) {
        self.staged.extend(other.staged);
    }

    /// Rename every file into place. A target that is a folder is refused before anything is
    /// renamed. The files replaced are first linked to backups; if a rename fails, the files
    /// renamed so far are put back (or removed, if there was none before), the temporary files
    /// are removed and the error is returned.
    pub fn commit(self) -> Result<()> {
        for (target, _) in &self.staged {
            if target.is_dir() {
                return Err(Error::write(
                    target,
                    std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder"),
                ));
            }
        }
        let mut backups: Vec<Option<Temp>> = Vec::with_capacity(self.staged.len());
        for (target, _) in &self.staged {
            backups.push(backup(target)?);
        }
        // The targets renamed so far, with their backups.
        let mut done: Vec<(PathBuf, Option<Temp>)> = Vec::new();
        for ((target, tmp), backup) in self.staged.into_iter().zip(backups) {
            if let Err(e) = tmp.persist(&target) {
                for (t, b) in done.into_iter().rev() {
                    restore(&t, b);
                }
                return Err(Error::write(&target, e));
            }
            done.push((target, backup));
        }
        Ok(())
    }
}

/// Put `files` (written and renamed into the folder `dir`) on disk, with their names: on
/// Linux one `syncfs` of the file system `dir` is on, else each file and `dir`.
pub fn sync_files(dir: &Path, files: &[PathBuf]) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let _ = files;
        let f = File::open(dir).map_err(|e| Error::write(dir, e))?;
        // SAFETY: syncfs takes an open file descriptor, which `f` holds for the call.
        if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
            return Err(Error::write(dir, std::io::Error::last_os_error()));
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        for p in files {
            File::open(p)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::write(p, e))?;
        }
        // Folders cannot be synced everywhere (Windows): the files are what matters most.
        let _ = File::open(dir).and_then(|f| f.sync_all());
        Ok(())
    }
}

/// A hard link to `target` under a registered temporary name, if `target` exists; `None` if
/// it does not (or if the filesystem cannot link it: that file then cannot be put back).
fn backup(target: &Path) -> Result<Option<Temp>> {
    if !target.exists() {
        return Ok(None);
    }
    // A name of our own, free now: make a temporary file and link over its name's place.
    let tmp = temp_beside(target)?;
    let path = tmp.into_temp_path();
    let name = path.to_path_buf();
    std::fs::remove_file(&name).map_err(|e| Error::write(target, e))?;
    match std::fs::hard_link(target, &name) {
        Ok(()) => Ok(Some(Temp { path: Some(path) })),
        Err(_) => {
            // `path` no longer exists; drop it quietly.
            let _ = path.keep();
            unregister(&name);
            Ok(None)
        }
    }
}

/// Put `target` back as it was: its backup renamed over it, or removed if it had none.
fn restore(target: &Path, backup: Option<Temp>) {
    match backup {
        Some(b) => {
            let _ = b.persist(target);
        }
        None => {
            let _ = std::fs::remove_file(target);
        }
    }
}

/// Whether `a` and `b` are the same existing file (same device and inode on Unix, so a
/// symbolic or hard link to a file is the file).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// [`Error::Usage`] if `output` is one of `inputs` (see [`same_file`]): writing it would
/// destroy what is being read. Standard input (`-`) is no file.
pub fn check_not_input<P: AsRef<Path>>(output: &Path, inputs: &[P]) -> Result<()> {
    for input in inputs {
        let input = input.as_ref();
        if crate::input::is_stdin(input) {
            continue;
        }
        if same_file(output, input) {
            let how = if output == input {
                String::new()
            } else {
                format!(" ({} is the same file)", output.display())
            };
            return Err(Error::Usage(format!(
                "the output {} is also an input{how}; refusing to overwrite {}: give another output file",
                output.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
