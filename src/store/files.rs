//! Files that appear whole under their name or not at all: a new database and a backup are made
//! under a temporary name beside their target and get the target's name only once finished,
//! so a process killed half-way leaves nothing there that looks like a database.
use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// A new empty file beside `target`, named `.NAME.TAG-RANDOM`, readable by its owner only and
/// created exclusively (never through a symlink, never over another file).
pub(super) fn private_temp_beside(target: &Path, tag: &str) -> std::io::Result<PathBuf> {
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::new(ErrorKind::InvalidInput, "no file name"))?;
    loop {
        let mut temp = OsString::from(".");
        temp.push(name);
        temp.push(format!(".{tag}-{:016x}", rand::random::<u64>()));
        let temp = folder_of(target).join(temp);
        match crate::fsutil::create_private_file(&temp) {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            r => return r.map(|_| temp),
        }
    }
}

/// Gives the finished, closed `temp` the name `target`: flushed to disk, then linked (which
/// never replaces a file already at `target`: that is an `AlreadyExists` error), the temporary
/// name removed and the folder flushed.
pub(super) fn publish(temp: &Path, target: &Path) -> std::io::Result<()> {
    std::fs::File::open(temp)?.sync_all()?;
    match std::fs::hard_link(temp, target) {
        Ok(()) => std::fs::remove_file(temp)?,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(e),
        // A file system without hard links: a rename after a last look (not atomic there).
        Err(e) => {
            if std::fs::symlink_metadata(target).is_ok() {
                return Err(std::io::Error::new(ErrorKind::AlreadyExists, e));
            }
            std::fs::rename(temp, target)?;
        }
    }
    sync_folder(folder_of(target))
}

/// Refuses a new database at `target` while SQLite's files of an earlier one lie beside it:
/// SQLite would replay a stale `-wal` (or `-journal`) into the new file and corrupt it. The
/// leftover is named; nothing is deleted (it may be someone's only copy of recent changes).
pub(super) fn check_no_leftovers(target: &Path) -> super::Result<()> {
    for suffix in ["-wal", "-journal"] {
        let mut p = target.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if std::fs::symlink_metadata(&p).is_ok() {
            return Err(super::StoreError::Exists(p));
        }
    }
    Ok(())
}

/// Removes a temporary database and whatever SQLite left beside it; missing files are fine.
pub(super) fn remove_with_sidecars(temp: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = temp.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A new name lasts a power cut only once its folder is on disk too.
#[cfg(unix)]
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}
