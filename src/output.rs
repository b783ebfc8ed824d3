//! Where results are written (`-o FILE`, manual pages, backups): never over the
//! logbook, in place over a file or device that is already there, complete or
//! not at all, and with nothing half-written left behind by Ctrl-C or a kill.

use std::cell::RefCell;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, Once};
use std::time::Duration;

use crate::error::{Context, Error, Result};

/// Hidden temporary files start with this, then the pid of their process.
const TEMP_PREFIX: &str = ".spotcheck-";

thread_local! {
    /// The files of this run that no output may be written over. A run is
    /// one thread from start to end, so two runs in one process (a program
    /// embedding spotcheck, the tests) each guard their own files.
    static PROTECTED: RefCell<Vec<(Role, PathBuf)>> = const { RefCell::new(Vec::new()) };
}
/// The signal that interrupted this run, 0 while none did.
static INTERRUPTED: AtomicI32 = AtomicI32::new(0);
/// Named temporary files in the user's folders, removed on an interrupt.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Open logbooks, whose statement under way an interrupt stops, each with
/// the number `watch_store` gave it.
static STORES: Mutex<Vec<(u64, rusqlite::InterruptHandle)>> = Mutex::new(Vec::new());

/// How long an interrupted command gets to roll back and close the logbook
/// before the process ends anyway.
const GRACE: Duration = Duration::from_millis(3000);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What a protected file is to this run, which says how it is guarded and
/// how a refusal names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The logbook, guarded with its `-journal`, `-wal` and `-shm`.
    Logbook,
    /// The config file this run read: an output there would replace the
    /// settings of every later run.
    Config,
}

impl Role {
    /// The names beside the file that are guarded with it.
    fn suffixes(self) -> &'static [&'static str] {
        match self {
            // With the key files of an encrypted logbook: its only way in
            // when the keyring does not hold the key.
            Role::Logbook => &["", "-journal", "-wal", "-shm", ".key", ".key.new"],
            Role::Config => &[""],
        }
    }
}

/// Name the file of this run that has `role` (none: no longer any); outputs
/// are then refused when they are it.
pub(crate) fn protect(role: Role, path: Option<&Path>) {
    PROTECTED.with_borrow_mut(|protected| {
        protected.retain(|(r, _)| *r != role);
        if let Some(path) = path {
            protected.push((role, path.to_path_buf()));
        }
    });
}

/// Stop the statement under way on a logbook when the run is interrupted.
/// Returns the number to give `unwatch_store` before the logbook closes.
pub(crate) fn watch_store(handle: rusqlite::InterruptHandle) -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let watch = NEXT.fetch_add(1, Ordering::SeqCst);
    lock(&STORES).push((watch, handle));
    watch
}

/// No interrupt reaches the logbook `watch_store` numbered `watch` from
/// now on: once this returns, one that came earlier has done all it will.
pub(crate) fn unwatch_store(watch: u64) {
    lock(&STORES).retain(|(w, _)| *w != watch);
}

/// From now on, SIGINT and SIGTERM remove the temporary files of this run,
/// stop its SQLite statement (the transaction rolls back and the logbook is
/// closed as usual), and end the process with 130 or 143.
pub(crate) fn watch_interrupts() {
    static WATCHING: Once = Once::new();
    WATCHING.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("interrupts".to_string())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    INTERRUPTED.store(signal, Ordering::SeqCst);
                    remove_temporaries();
                    for (_, store) in lock(&STORES).iter() {
                        store.interrupt();
                    }
                    // The command sees the interrupt and returns; if it is
                    // busy elsewhere, the process ends here.
                    std::thread::sleep(GRACE);
                    remove_temporaries();
                    std::process::exit(128 + signal);
                }
            });
    });
}

/// The exit code of an interrupted run: 128 and the signal, as shells do.
pub(crate) fn interrupted_exit_code() -> Option<u8> {
    match INTERRUPTED.load(Ordering::SeqCst) {
        0 => None,
        signal => u8::try_from(128 + signal).ok(),
    }
}

/// Whether Ctrl-C or SIGTERM arrived: long work stops at its next step.
pub(crate) fn is_interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst) != 0
}

fn interrupted() -> io::Error {
    // Not `ErrorKind::Interrupted`: `write_all` would retry it.
    io::Error::other(t!("main-interrupted"))
}

fn check_interrupted() -> io::Result<()> {
    match INTERRUPTED.load(Ordering::SeqCst) {
        0 => Ok(()),
        _ => Err(interrupted()),
    }
}

fn remove_temporaries() {
    for path in lock(&TEMPORARY).iter() {
        // SQLite's journal beside a backup being written goes with it.
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(path, suffix));
        }
    }
}

fn register_temporary(path: &Path) {
    lock(&TEMPORARY).push(path.to_path_buf());
}

fn forget_temporary(path: &Path) {
    lock(&TEMPORARY).retain(|p| p != path);
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder a file named by the user goes in.
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Where a path leads once its links are followed; for a file that does not
/// exist yet (or a link to one), its folder's real path and its own name.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let path = followed(path);
    let name = path.file_name()?;
    Some(std::fs::canonicalize(folder_of(&path)).ok()?.join(name))
}

/// Where a chain of symbolic links from `path` ends, even when nothing is
/// there yet: SQLite names a logbook's `-wal` and `-shm` after that file,
/// and a shell's `>` creates it.
fn followed(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // As many links as the system itself follows.
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(next) if next.is_absolute() => path = next,
            // Joined to the bare parent, so that a relative link reads in
            // messages as it was written, without a leading `./`.
            Ok(next) => path = path.parent().unwrap_or(Path::new("")).join(next),
            Err(_) => break,
        }
    }
    path
}

/// Where a new file named `path` is made: `path` itself, or, when it is a
/// symbolic link to nothing yet, the file the link leads to, as a shell's
/// `>` makes it. Refused when that file's folder is missing, naming both.
pub(crate) fn through_link(path: &Path) -> Result<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    let target = followed(path);
    let dir = folder_of(&target);
    if dir.is_dir() {
        Ok(target)
    } else {
        Err(Error::input(t!(
            "main-output-link-nowhere",
            path = path.display().to_string(),
            target = target.display().to_string(),
            dir = dir.display().to_string()
        )))
    }
}

/// The files beside a database that SQLite reads as part of it.
const SIDECARS: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Whether two paths name one file: by name, as given or as their links
/// resolve, or as one file under two names (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let id = |path: &Path| std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
    let name = resolved(a);
    (name.is_some() && resolved(b) == name) || (id(a).is_some() && id(b) == id(a))
}

/// The protected file of this run that `path` is (or, for the logbook, one
/// of its journals), with its role.
fn protected_behind(path: &Path) -> Option<(Role, PathBuf)> {
    let protected = PROTECTED.with_borrow(Vec::clone);
    for (role, file) in protected {
        let mut bases = vec![file.clone()];
        let real = followed(&file);
        if real != file {
            bases.push(real);
        }
        let hit = bases.iter().any(|base| {
            role.suffixes()
                .iter()
                .any(|suffix| same_file(&with_suffix(base, suffix), path))
        });
        if hit {
            return Some((role, file));
        }
    }
    None
}

/// Refuse `path` when it is the logbook or one of its journals, or the
/// config file, by name or through a symbolic or hard link.
pub(crate) fn refuse_protected(path: &Path) -> Result<()> {
    let path_text = path.display().to_string();
    match protected_behind(path) {
        None => Ok(()),
        Some((Role::Logbook, logbook)) => Err(Error::input(t!(
            "main-output-is-logbook",
            path = path_text,
            db = logbook.display().to_string()
        ))),
        Some((Role::Config, config)) => Err(Error::input(t!(
            "main-output-is-config",
            path = path_text,
            config = config.display().to_string()
        ))),
    }
}

/// Refuse one file named for two outputs of a command (`-o` and `--xlsx`,
/// say), by name or through a link, before any work: the second written
/// would replace the first, or fail half way for finding it there. A device
/// or a FIFO is written directly, so both outputs simply go into it.
pub(crate) fn refuse_shared(outputs: &[(&str, &Path)]) -> Result<()> {
    let streamed = |path: &Path| std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    for (n, (flag, path)) in outputs.iter().enumerate() {
        for (other_flag, other) in outputs.iter().skip(n + 1) {
            if !streamed(path) && same_file(path, other) {
                return Err(Error::usage(t!(
                    "main-outputs-same-file",
                    flag = *flag,
                    path = path.display().to_string(),
                    other_flag = *other_flag,
                    other = other.display().to_string()
                )));
            }
        }
    }
    Ok(())
}

/// The `-journal`, `-wal` and `-shm` names of a database about to be written
/// at `path` (and at the file its links lead to): SQLite would apply what a
/// crash left there to the new file, and so damage it. Refused when one of
/// them is the logbook or the config file, which must never be removed.
pub(crate) fn stale_sidecars(path: &Path) -> Result<Vec<PathBuf>> {
    let mut bases = vec![path.to_path_buf()];
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| followed(path));
    if !bases.contains(&real) {
        bases.push(real);
    }
    let mut files = Vec::new();
    for base in &bases {
        for suffix in SIDECARS {
            let file = with_suffix(base, suffix);
            let refusal = match protected_behind(&file) {
                None => None,
                Some((Role::Logbook, logbook)) => Some(t!(
                    "main-sidecar-is-logbook",
                    path = path.display().to_string(),
                    file = file.display().to_string(),
                    db = logbook.display().to_string()
                )),
                Some((Role::Config, config)) => Some(t!(
                    "main-sidecar-is-config",
                    path = path.display().to_string(),
                    file = file.display().to_string(),
                    config = config.display().to_string()
                )),
            };
            if let Some(refusal) = refusal {
                return Err(Error::input(refusal));
            }
            files.push(file);
        }
    }
    Ok(files)
}

/// Remove what [`stale_sidecars`] named, never a protected file.
pub(crate) fn remove_stale(files: &[PathBuf]) -> io::Result<()> {
    for file in files {
        if protected_behind(file).is_some() {
            continue;
        }
        match std::fs::remove_file(file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Whether `path` is the file this process's standard output goes to.
pub(crate) fn is_standard_output(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(out) = rustix::fs::fstat(std::io::stdout()) else {
        return false;
    };
    std::fs::metadata(path).is_ok_and(|m| m.dev() == out.st_dev && m.ino() == out.st_ino)
}

/// What a path names before anything is written to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Existing {
    Nothing,
    /// A regular file, written in place.
    File,
    /// A device, a FIFO, a terminal: written directly, never replaced.
    Other,
}

/// What `path` names, refusing a folder and anything unreadable.
pub(crate) fn existing(path: &Path) -> Result<Existing> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::input(t!(
            "main-output-is-directory",
            path = path.display().to_string()
        ))),
        Ok(meta) if meta.is_file() => Ok(Existing::File),
        Ok(_) => Ok(Existing::Other),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Existing::Nothing),
        Err(e) => Err(cannot_write(path, e)),
    }
}

fn cannot_write(path: &Path, source: io::Error) -> Error {
    Error::Io {
        context: t!("main-cannot-write", path = path.display().to_string()),
        source,
    }
}

fn writing(path: &Path) -> String {
    t!("main-writing", path = path.display().to_string())
}

/// Open something that is already there for writing, without truncating
/// it: the operating system says now whether we may.
pub(crate) fn open_existing(path: &Path) -> Result<File> {
    OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| cannot_write(path, e))
}

/// The kinds of hidden temporary files spotcheck makes.
const TEMP_KINDS: [&str; 4] = ["", "backup-", "logbook-", "key-"];
/// How many hex digits end a temporary file's name.
const TEMP_TAG: usize = 8;

/// The pid in a name of exactly the shape [`named_temporary`] gives (or one
/// of its SQLite journals): `.spotcheck-<pid>-<kind><8 hex digits>`.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?;
    let (pid, rest) = rest.split_once('-')?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let pid = pid.parse::<u32>().ok()?;
    let rest = SIDECARS
        .iter()
        .find_map(|suffix| rest.strip_suffix(suffix))
        .unwrap_or(rest);
    let shaped = TEMP_KINDS.iter().any(|kind| {
        rest.strip_prefix(kind).is_some_and(|tag| {
            tag.len() == TEMP_TAG
                && tag
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    });
    shaped.then_some(pid)
}

/// Remove the temporary files of runs that were killed before they could,
/// recognised by the pid in their name; never the logbook or the config
/// file, whatever their names.
pub(crate) fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        let path = entry.path();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && pid != own && !running(pid) && protected_behind(&path).is_none() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether a process `pid` is running, asked of the system as `kill -0`
/// does, on every Unix (not only where there is a `/proc`). One of another
/// user, which may not be signalled, is running; so is any pid the answer
/// leaves in doubt, whose files are then left alone.
fn running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return true;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

/// A hidden, owner-only file in `dir`, named with this process's pid so that
/// a later run can tell it was left by a killed one, and removed on an interrupt.
pub(crate) fn named_temporary(dir: &Path, kind: &str) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::OpenOptionsExt;
    // Made here rather than by `tempfile`, whose errors name the hidden file.
    let mut tries = 0;
    let file = loop {
        let name = format!(
            "{TEMP_PREFIX}{}-{kind}{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..TEMP_TAG]
        );
        let path = dir.join(name);
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(file) => match tempfile::TempPath::try_from_path(&path) {
                Ok(temp) => break tempfile::NamedTempFile::from_parts(file, temp),
                Err(e) => {
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
            },
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 10 => tries += 1,
            Err(e) => return Err(e),
        }
    };
    register_temporary(file.path());
    Ok(file)
}

/// Move a finished temporary file to `path`, replacing what is there only when
/// `replace`; it is no longer ours to remove afterwards.
pub(crate) fn move_into_place(
    temp: tempfile::NamedTempFile,
    path: &Path,
    replace: bool,
) -> io::Result<()> {
    check_interrupted()?;
    let temp_path = temp.path().to_path_buf();
    let moved = if replace {
        temp.persist(path).map(drop).map_err(|e| e.error)
    } else {
        temp.persist_noclobber(path).map(drop).map_err(|e| e.error)
    };
    forget_temporary(&temp_path);
    moved?;
    sync_folder(folder_of(path));
    Ok(())
}

/// A rename or link is durable once its folder is synced.
fn sync_folder(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Copy a finished file into one that was already there (opened with
/// [`open_existing`]), then sync it: the target keeps its inode, owner,
/// mode and links. `path` is the name the user gave it, for messages. Once a
/// regular file has been cut to be rewritten, a failure leaves it part
/// written, and the error says so.
pub(crate) fn copy_into(
    source: &mut File,
    target: &mut File,
    regular: bool,
    path: &Path,
) -> Result<()> {
    let untouched = |e: io::Error| Error::Output(explain(path, e));
    check_interrupted().map_err(untouched)?;
    source.seek(io::SeekFrom::Start(0)).map_err(untouched)?;
    if !regular {
        io::copy(source, target).map_err(untouched)?;
        return target.flush().map_err(untouched);
    }
    target.set_len(0).map_err(untouched)?;
    let mut rewrite = || -> io::Result<()> {
        target.seek(io::SeekFrom::Start(0))?;
        io::copy(source, target)?;
        target.flush()?;
        target.sync_all()
    };
    rewrite().map_err(|e| Error::Output(partly_written(path, e)))
}

/// A whole file written as [`OutputFile`] writes `-o FILE`: complete or not at all.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = OutputFile::create(path)?;
    file.write_all(bytes).map_err(Error::Output)?;
    file.persist()
}

/// `-o FILE`. A new file is written unnamed (or under a hidden temporary name)
/// beside it and linked into place only when the command succeeded; a file
/// already there is checked for access first and overwritten in place at the
/// end; a device or FIFO is written directly.
pub(crate) struct OutputFile {
    /// The name the user gave, for messages.
    path: PathBuf,
    /// Where a new file gets its name: `path`, or the file a symbolic link
    /// there leads to.
    target: PathBuf,
    writer: BufWriter<File>,
    place: Place,
}

enum Place {
    /// The writer is the target itself.
    Direct,
    /// The writer is an anonymous temporary file, copied into this one.
    Overwrite(File),
    /// The writer is an unnamed file in the target's folder (O_TMPFILE).
    #[cfg(target_os = "linux")]
    Unnamed,
    /// The writer is a hidden named file in the target's folder.
    Named(tempfile::TempPath),
}

impl OutputFile {
    pub(crate) fn create(path: &Path) -> Result<OutputFile> {
        refuse_protected(path)?;
        let mut target = path.to_path_buf();
        let (place, file) = match existing(path)? {
            Existing::Other => (Place::Direct, open_existing(path)?),
            Existing::File => {
                let existing = open_existing(path)?;
                let temp = tempfile::tempfile_in(folder_of(path))
                    .or_else(|_| tempfile::tempfile())
                    .map_err(|e| cannot_write(path, e))?;
                (Place::Overwrite(existing), temp)
            }
            Existing::Nothing => {
                target = through_link(path)?;
                let dir = folder_of(&target);
                if !dir.is_dir() {
                    return Err(Error::input(t!(
                        "main-output-no-directory",
                        path = path.display().to_string(),
                        dir = dir.display().to_string()
                    )));
                }
                sweep(dir);
                new_file(dir).map_err(|e| cannot_write(path, e))?
            }
        };
        Ok(OutputFile {
            path: path.to_path_buf(),
            target,
            writer: BufWriter::new(file),
            place,
        })
    }

    pub(crate) fn persist(mut self) -> Result<()> {
        let path = self.path;
        let failed = |e: io::Error| Error::Output(explain(&path, e));
        self.writer.flush().map_err(failed)?;
        let (mut file, _) = self.writer.into_parts();
        match self.place {
            Place::Direct => check_interrupted().map_err(failed),
            Place::Overwrite(mut existing) => copy_into(&mut file, &mut existing, true, &path),
            #[cfg(target_os = "linux")]
            Place::Unnamed => {
                file.sync_all().map_err(failed)?;
                check_interrupted().map_err(failed)?;
                link_unnamed(&file, &self.target).with_context(|| writing(&path))?;
                sync_folder(folder_of(&self.target));
                Ok(())
            }
            Place::Named(temp) => {
                file.sync_all().map_err(failed)?;
                check_interrupted().map_err(failed)?;
                let temp_path = temp.to_path_buf();
                let moved = temp.persist_noclobber(&self.target);
                forget_temporary(&temp_path);
                moved.map_err(|e| e.error).with_context(|| writing(&path))?;
                sync_folder(folder_of(&self.target));
                Ok(())
            }
        }
    }
}

/// Whether an error means there was no room for what was written.
fn no_room(error: &io::Error) -> bool {
    use io::ErrorKind;
    matches!(
        error.kind(),
        ErrorKind::StorageFull | ErrorKind::FileTooLarge | ErrorKind::QuotaExceeded
    )
}

/// An error while writing, told about the file the user named rather than
/// the temporary file beside it.
fn explain(path: &Path, error: io::Error) -> io::Error {
    let problem = match error.kind() {
        _ if no_room(&error) => t!("main-output-disk-full"),
        io::ErrorKind::Other => error.to_string(),
        kind => kind.to_string(),
    };
    io::Error::new(
        error.kind(),
        t!(
            "main-cannot-write-because",
            path = path.display().to_string(),
            problem = problem
        ),
    )
}

/// An error while a file already there was being written over in place:
/// its old content is gone, the new one may be there only in part, and the
/// complete result was in a temporary file that no longer exists.
fn partly_written(path: &Path, error: io::Error) -> io::Error {
    let problem = match error.kind() {
        _ if no_room(&error) => t!("main-output-no-room"),
        io::ErrorKind::Other => error.to_string(),
        kind => kind.to_string(),
    };
    io::Error::new(
        error.kind(),
        t!(
            "main-output-partly-written",
            path = path.display().to_string(),
            problem = problem
        ),
    )
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        check_interrupted()?;
        self.writer.write(buf).map_err(|e| explain(&self.path, e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush().map_err(|e| explain(&self.path, e))
    }
}

/// A new output file with no name yet, in `dir`.
fn new_file(dir: &Path) -> io::Result<(Place, File)> {
    #[cfg(target_os = "linux")]
    if Path::new("/proc/self/fd").is_dir() {
        use rustix::fs::{Mode, OFlags};
        let unnamed = rustix::fs::open(
            dir,
            OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC,
            Mode::RUSR | Mode::WUSR,
        );
        // Older kernels and some file systems cannot: a named file then.
        if let Ok(fd) = unnamed {
            return Ok((Place::Unnamed, File::from(fd)));
        }
    }
    let (file, path) = named_temporary(dir, "")?.into_parts();
    Ok((Place::Named(path), file))
}

/// Give an unnamed file its name, failing if something has taken it meanwhile.
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, path: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = format!("/proc/self/fd/{}", file.as_raw_fd());
    rustix::fs::linkat(
        rustix::fs::CWD,
        fd.as_str(),
        rustix::fs::CWD,
        path,
        rustix::fs::AtFlags::SYMLINK_FOLLOW,
    )
    .map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::running;

    #[test]
    fn a_process_is_running_until_it_has_ended_and_a_doubtful_pid_counts_as_running() {
        assert!(running(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!running(pid), "pid {pid} ended and was waited for");
        // Not a pid the system could name: its files are left alone.
        assert!(running(0));
        assert!(running(u32::MAX));
    }
}
