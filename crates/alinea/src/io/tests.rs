//! Unit tests of `io`.

use super::*;

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(TEMP_PREFIX))
        .collect()
}

#[test]
fn writes_whole_file_and_refuses_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    write_atomic(&target, b"hello").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"hello");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    let missing = dir.path().join("nope").join("out.txt");
    let err = write_atomic(&missing, b"x").unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!missing.exists());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn temp_files_are_named_registered_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("big.tmx");
    let mut f = AtomicFile::create(&target).unwrap();
    f.write_all(b"<tmx>").unwrap();
    let names = leftovers(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("-big.tmx"), "{names:?}");
    let tmp = dir.path().join(&names[0]);
    assert!(temp_files().contains(&tmp));
    // Dropped without a commit: removed, unregistered, target untouched.
    drop(f);
    assert!(leftovers(dir.path()).is_empty());
    assert!(!temp_files().contains(&tmp));
    assert!(!target.exists());
    // What a signal handler does ([`remove_temp_files`], here only for this test's folder:
    // tests run in parallel).
    let mut f = AtomicFile::create(&target).unwrap();
    f.write_all(b"<tmx>").unwrap();
    let tmp = dir.path().join(&leftovers(dir.path())[0]);
    assert_eq!(
        remove_registered(&mut registry(), |p| p.starts_with(dir.path())),
        1
    );
    assert!(!tmp.exists());
    assert!(!temp_files().contains(&tmp));
    drop(f);
    assert!(!target.exists());
}

#[test]
fn an_unsynced_set_is_renamed_whole_and_synced_later() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.tmx"), dir.path().join("a.html"));
    std::fs::write(&a, "old").unwrap();
    let mut set = FileSet::unsynced();
    let mut f = AtomicFile::create(&a).unwrap();
    f.write_all(b"new a").unwrap();
    set.add(f).unwrap();
    set.add_bytes(&b, b"new b").unwrap();
    // Nothing is renamed before the commit.
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
    set.commit().unwrap();
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
    assert!(leftovers(dir.path()).is_empty());
    sync_files(dir.path(), &[a, b]).unwrap();
    #[cfg(target_os = "linux")]
    assert!(sync_files(&dir.path().join("missing"), &[]).is_err());
}

#[test]
fn a_set_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tmx");
    let b = dir.path().join("a.fr-en.tmx");
    let c = dir.path().join("a.fr-ar.tmx");
    for p in [&a, &b, &c] {
        std::fs::write(p, "old").unwrap();
    }
    let mut set = FileSet::new();
    set.add_bytes(&a, b"new").unwrap();
    set.add_bytes(&b, b"new").unwrap();
    // A target that cannot be replaced: a folder where the file should go.
    std::fs::remove_file(&c).unwrap();
    std::fs::create_dir(&c).unwrap();
    set.add_bytes(&c, b"new").unwrap();
    assert!(set.commit().is_err());
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "old");
    assert!(c.is_dir());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    // Dropped half-way: nothing replaced.
    let mut set = FileSet::new();
    set.add_bytes(&a, b"new").unwrap();
    drop(set);
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
    assert!(leftovers(dir.path()).is_empty());
    // Committed: all replaced.
    std::fs::remove_dir(&c).unwrap();
    let mut set = FileSet::new();
    for p in [&a, &b, &c] {
        set.add_bytes(p, b"new").unwrap();
    }
    set.commit().unwrap();
    for p in [&a, &b, &c] {
        assert_eq!(std::fs::read_to_string(p).unwrap(), "new");
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_failed_rename_puts_back_the_files_already_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tmx");
    let b = dir.path().join("b.tmx");
    std::fs::write(&a, "old").unwrap();
    let mut set = FileSet::new();
    set.add_bytes(&a, b"new").unwrap();
    set.add_bytes(&b, b"new").unwrap();
    // b's temporary file disappears before the renames: its rename fails after a's.
    let tmp_b = leftovers(dir.path())
        .into_iter()
        .find(|n| n.ends_with("-b.tmx"))
        .unwrap();
    std::fs::remove_file(dir.path().join(tmp_b)).unwrap();
    assert!(set.commit().is_err());
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
    assert!(!b.exists());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[cfg(unix)]
#[test]
fn writing_through_a_symbolic_link_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    // In a set too.
    let mut set = FileSet::new();
    set.add_bytes(&link, b"newer").unwrap();
    set.commit().unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "newer");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "no temporary file left");
}

#[test]
fn same_file_through_links() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("fr.txt");
    std::fs::write(&f, "x").unwrap();
    let other = dir.path().join("en.txt");
    std::fs::write(&other, "x").unwrap();
    assert!(same_file(&f, &f));
    assert!(!same_file(&f, &other));
    assert!(!same_file(&f, &dir.path().join("missing")));
    let hard = dir.path().join("hard.txt");
    std::fs::hard_link(&f, &hard).unwrap();
    assert!(same_file(&hard, &f));
    #[cfg(unix)]
    {
        let sym = dir.path().join("sym.txt");
        std::os::unix::fs::symlink(&f, &sym).unwrap();
        assert!(same_file(&sym, &f));
    }
    let e = check_not_input(&hard, &[&other, &f]).unwrap_err();
    assert!(matches!(e, Error::Usage(_)));
    assert!(e.to_string().contains("is also an input"), "{e}");
    assert!(check_not_input(&dir.path().join("new.tmx"), &[&f]).is_ok());
    assert!(check_not_input(&f, &[Path::new("-")]).is_ok());
}
