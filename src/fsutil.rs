//! Creating the files onedoor writes. They hold personal data (the database, sheets, slips,
//! statistics), so every one is readable by its owner only (0600, directories 0700, whatever
//! the umask), and none is ever written through a symbolic link someone planted at its name.
//! Below `store`, `report` and `cli`: no other module of the crate is used here.
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written; `i18n_key` names the message.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: a symbolic link", .0.display())]
    Symlink(PathBuf),
    #[error("{}: not a regular file", .0.display())]
    NotAFile(PathBuf),
    #[error("{}: already exists", .0.display())]
    Exists(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl WriteError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            WriteError::Symlink(_) => "err.file.symlink",
            WriteError::NotAFile(_) => "err.file.not_regular",
            WriteError::Exists(_) => "err.file.exists",
            WriteError::Io { .. } => "err.report.write",
        }
    }

    /// What goes after the message: the file, and for IO errors the system's reason.
    pub fn detail(&self) -> String {
        match self {
            WriteError::Symlink(p) | WriteError::NotAFile(p) | WriteError::Exists(p) => {
                p.display().to_string()
            }
            WriteError::Io { .. } => self.to_string(),
        }
    }
}

/// Creates a new, empty file readable by its owner only. Fails when anything is already at
/// `path`: a file, or a symbolic link (never followed, even dangling).
pub fn create_private_file(path: &Path) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    o.open(path)
}

/// Creates a directory and its missing parents; those created here are private (0700).
pub fn create_private_dir_all(path: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(path)
}

/// Writes `bytes` to `path`, replacing a regular file already there: through a private
/// temporary file in the same directory renamed over the target, so the result is private
/// (an old world-readable file included), complete or absent, and never the target of a link.
/// A symbolic link or anything but a regular file at `path` is refused, untouched.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(WriteError::Symlink(path.into())),
        Ok(m) if !m.is_file() => return Err(WriteError::NotAFile(path.into())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // tempfile creates its files 0600 with O_EXCL, under a random name.
    let mut tmp = tempfile::Builder::new()
        .prefix(".onedoor-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    // rename(2) replaces whatever is at `path` by name: a link planted meanwhile is replaced,
    // never followed.
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Writes `bytes` to a new file at `path`, readable by its owner only. Anything already at
/// `path` (a file, a link, a directory) is refused and left as it was; a write that fails
/// leaves no file behind.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(WriteError::Symlink(path.into())),
        Ok(_) => return Err(WriteError::Exists(path.into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    // create_new with O_NOFOLLOW: whatever appears at the name meanwhile is refused too.
    let mut file = create_private_file(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => WriteError::Exists(path.into()),
        _ => io(e),
    })?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(io(e));
    }
    Ok(())
}

/// `bytes` in a new private temporary file (0600, an unpredictable name in the temp
/// directory, ending in `suffix`), deleted when the handle is dropped: for the printer.
pub fn private_temp_file(suffix: &str, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix("onedoor-")
        .suffix(suffix)
        .tempfile()?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    Ok(tmp)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn written_files_are_private_and_replace_an_open_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sheet.html");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_eq!(mode(&p), 0o600);
        let q = dir.path().join("fresh.csv");
        write_private(&q, b"x").unwrap();
        assert_eq!(mode(&q), 0o600);
        // No temporary file is left beside them.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_link_or_a_directory_at_the_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = write_private(&link, b"x").unwrap_err();
        assert_eq!(e.i18n_key(), "err.file.symlink");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        let e = write_private(dir.path(), b"x").unwrap_err();
        assert_eq!(e.i18n_key(), "err.file.not_regular");
        let e = create_private_file(&link).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }

    #[test]
    fn a_new_file_is_written_once_and_never_over_anything() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("monthly.pdf");
        write_new_private(&p, b"%PDF-").unwrap();
        assert_eq!(mode(&p), 0o600);
        let e = write_new_private(&p, b"other").unwrap_err();
        assert_eq!(e.i18n_key(), "err.file.exists");
        assert_eq!(std::fs::read(&p).unwrap(), b"%PDF-");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        let e = write_new_private(&link, b"x").unwrap_err();
        assert_eq!(e.i18n_key(), "err.file.symlink");
        assert!(!dir.path().join("nowhere").exists());
        let e = write_new_private(dir.path(), b"x").unwrap_err();
        assert_eq!(e.i18n_key(), "err.file.exists");
    }

    #[test]
    fn new_directories_and_files_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("a/b");
        create_private_dir_all(&d).unwrap();
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&d), 0o700);
        create_private_file(&d.join("f")).unwrap();
        assert_eq!(mode(&d.join("f")), 0o600);
        let t = private_temp_file(".pdf", b"%PDF-").unwrap();
        let path = t.path().to_path_buf();
        assert_eq!(mode(&path), 0o600);
        assert!(path.to_string_lossy().ends_with(".pdf"));
        drop(t);
        assert!(!path.exists());
    }
}
