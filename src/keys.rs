//! Where the key of an encrypted logbook is kept and found: the operating
//! system's keyring, and the key file beside the logbook, in which the key
//! is locked by a passphrase.
//!
//! The keyring holds the key itself, so a command finds it without any key
//! derivation. The key file holds it sealed with XChaCha20-Poly1305 under
//! a key derived from the passphrase by Argon2id (RFC 9106), which is slow
//! on purpose: it runs only when the keyring does not have the key, or
//! when `SPOTCHECK_PASSPHRASE_FILE` says to use the passphrase instead.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::store::cipher::{KEY_LEN, LogbookKey, SALT_LEN, Unlock, hex};

/// The keyring's service name for spotcheck's keys.
const SERVICE: &str = "spotcheck";
const LANES: u32 = 1;

/// What Argon2id spends to turn a passphrase into the key that seals a
/// logbook's key; the key file records it, so a file opens whatever it
/// was sealed with.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    memory_kib: u32,
    iterations: u32,
}

impl Cost {
    /// 64 MiB of memory and three passes (one lane): the second of
    /// RFC 9106's recommended settings.
    pub const STANDARD: Cost = Cost {
        memory_kib: 64 * 1024,
        iterations: 3,
    };
    /// The least Argon2id allows, for the end-to-end tests' encrypted run
    /// only (see `Environment::encrypt_new_logbooks`): thousands of
    /// commands each derive the key, and what they test is the logbook.
    pub const LEAST: Cost = Cost {
        memory_kib: 8,
        iterations: 1,
    };
}
/// The shortest passphrase taken for a new key.
const PASSPHRASE_MIN_CHARS: usize = 8;
/// The most of a passphrase file read: one line.
const PASSPHRASE_FILE_LIMIT: u64 = 4096;
/// The most of a key file read.
const KEY_FILE_LIMIT: u64 = 16 * 1024;
const NONCE_LEN: usize = 24;
/// The most a key file may ask of Argon2id: a hostile one must not take
/// the memory or the minutes of the machine.
const MEMORY_KIB_MOST: u32 = 1024 * 1024;
const ITERATIONS_MOST: u32 = 10;
const KDF_SALT_LEN: usize = 16;

/// The key file beside the logbook at `logbook`: its name with `.key`
/// added, beside the file a symbolic link leads to.
pub fn key_file_of(logbook: &Path) -> PathBuf {
    key_file_named(logbook, ".key")
}

/// The key file `key change` writes before the logbook is replaced, and
/// renames to the key file once it is: the logbook's file then begins with
/// the salt of one of the two.
pub fn pending_key_file_of(logbook: &Path) -> PathBuf {
    key_file_named(logbook, ".key.new")
}

fn key_file_named(logbook: &Path, suffix: &str) -> PathBuf {
    let link = std::fs::symlink_metadata(logbook).is_ok_and(|meta| meta.file_type().is_symlink());
    let real = match link {
        true => std::fs::canonicalize(logbook).unwrap_or_else(|_| logbook.to_path_buf()),
        false => logbook.to_path_buf(),
    };
    let mut name = real.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// What a key file holds, as TOML.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: u32,
    /// The salt that begins the logbook's file, which names it.
    logbook: String,
    kdf: String,
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
    kdf_salt: String,
    cipher: String,
    nonce: String,
    sealed_key: String,
}

/// The key derived from `passphrase` with the key file's settings.
fn derive(
    passphrase: &str,
    salt: &[u8],
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let params = argon2::Params::new(memory_kib, iterations, lanes, Some(KEY_LEN))
        .map_err(|e| Error::input(t!("keys-bad-settings", error = e.to_string())))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut_slice())
        .map_err(|e| Error::input(t!("keys-bad-settings", error = e.to_string())))?;
    Ok(out)
}

/// The text of a key file holding `key` sealed by `passphrase`.
pub fn seal(key: &LogbookKey, passphrase: &str) -> Result<String> {
    seal_at(key, passphrase, Cost::STANDARD)
}

/// [`seal`], with Argon2id at `cost`.
fn seal_at(key: &LogbookKey, passphrase: &str, cost: Cost) -> Result<String> {
    let mut kdf_salt = [0u8; KDF_SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut kdf_salt)
        .and_then(|()| getrandom::fill(&mut nonce))
        .map_err(|e| Error::input(t!("cipher-no-randomness", error = e.to_string())))?;
    let wrapping = derive(
        passphrase,
        &kdf_salt,
        cost.memory_kib,
        cost.iterations,
        LANES,
    )?;
    let cipher = XChaCha20Poly1305::new(wrapping.as_slice().into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.key(),
                aad: key.salt(),
            },
        )
        .map_err(|_| Error::input(t!("keys-bad-settings", error = "seal")))?;
    let file = KeyFile {
        format: 1,
        logbook: hex(key.salt()),
        kdf: "argon2id".into(),
        memory_kib: cost.memory_kib,
        iterations: cost.iterations,
        lanes: LANES,
        kdf_salt: hex(&kdf_salt),
        cipher: "xchacha20poly1305".into(),
        nonce: hex(&nonce),
        sealed_key: hex(&sealed),
    };
    let body = toml::to_string(&file)
        .map_err(|e| Error::input(t!("keys-bad-settings", error = e.to_string())))?;
    Ok(format!("{}\n{body}", t!("keys-file-comment")))
}

/// Bytes from hexadecimal, or `None` for anything else.
fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The key file `text`, read from `shown`; what is wrong with one that is
/// not a key file is said in one line, with where.
fn parse_key_file(text: &str, shown: &Path) -> Result<KeyFile> {
    toml::from_str::<KeyFile>(text).map_err(|e| {
        // The message alone is one line; TOML's own display adds the text.
        let mut what = e.message().trim().to_string();
        if let Some(span) = e.span() {
            let position = crate::config::position(text, span);
            what.push(' ');
            what.push_str(&t!("keys-file-at", position = position));
        }
        Error::input(t!(
            "keys-file-damaged",
            path = shown.display().to_string(),
            what = what
        ))
    })
}

/// The key that the key file `text` (read from `shown`) holds, unsealed by
/// `passphrase`.
pub fn unseal(text: &str, passphrase: &str, shown: &Path) -> Result<LogbookKey> {
    let path = shown.display().to_string();
    let damaged = |what: &str| {
        Error::input(t!(
            "keys-file-damaged",
            path = path.clone(),
            what = what.to_string()
        ))
    };
    let file = parse_key_file(text, shown)?;
    if file.format != 1 || file.kdf != "argon2id" || file.cipher != "xchacha20poly1305" {
        return Err(Error::input(t!("keys-file-unknown", path = path.clone())));
    }
    // Bounds that keep a hostile file from asking for gigabytes or hours.
    if file.memory_kib > MEMORY_KIB_MOST || file.iterations > ITERATIONS_MOST || file.lanes > 16 {
        return Err(damaged("memory_kib, iterations, lanes"));
    }
    let salt: [u8; SALT_LEN] = unhex(&file.logbook)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| damaged("logbook"))?;
    let kdf_salt = unhex(&file.kdf_salt)
        .filter(|bytes| bytes.len() >= 8)
        .ok_or_else(|| damaged("kdf_salt"))?;
    let nonce: [u8; NONCE_LEN] = unhex(&file.nonce)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| damaged("nonce"))?;
    let sealed = unhex(&file.sealed_key).ok_or_else(|| damaged("sealed_key"))?;
    let wrapping = derive(
        passphrase,
        &kdf_salt,
        file.memory_kib,
        file.iterations,
        file.lanes,
    )?;
    let cipher = XChaCha20Poly1305::new(wrapping.as_slice().into());
    let opened = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &sealed,
                    aad: &salt,
                },
            )
            .map_err(|_| Error::input(t!("keys-wrong-passphrase", path = path.clone())))?,
    );
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    if opened.len() != KEY_LEN {
        return Err(damaged("sealed_key"));
    }
    key.copy_from_slice(&opened);
    Ok(LogbookKey::from_parts(key, salt))
}

/// Write the key file of the logbook at `logbook` whole or not at all:
/// under a temporary name, owner-only, synced, then renamed into place.
pub fn write_key_file(logbook: &Path, text: &str) -> Result<PathBuf> {
    write_whole(&key_file_of(logbook), text)
}

/// Write the key file of a key change, beside the key file it is to replace.
pub fn write_pending_key_file(logbook: &Path, text: &str) -> Result<PathBuf> {
    write_whole(&pending_key_file_of(logbook), text)
}

/// Put the pending key file in the key file's place, once the logbook is
/// encrypted with its key.
pub fn settle_pending_key_file(logbook: &Path) -> Result<PathBuf> {
    let target = key_file_of(logbook);
    std::fs::rename(pending_key_file_of(logbook), &target).map_err(|e| Error::Io {
        context: t!("keys-writing-file", path = target.display().to_string()),
        source: e,
    })?;
    Ok(target)
}

fn write_whole(target: &Path, text: &str) -> Result<PathBuf> {
    let target = target.to_path_buf();
    let shown = target.display().to_string();
    let failed = |e: std::io::Error| Error::Io {
        context: t!("keys-writing-file", path = shown.clone()),
        source: e,
    };
    let dir = crate::output::folder_of(&target);
    let mut temp = crate::output::named_temporary(dir, "key-").map_err(failed)?;
    temp.write_all(text.as_bytes()).map_err(failed)?;
    temp.as_file().sync_all().map_err(failed)?;
    crate::output::move_into_place(temp, &target, true).map_err(failed)?;
    Ok(target)
}

/// Remove the key file `written` if it still holds `text`: what a run that
/// failed wrote, and nothing another run put there since.
pub fn remove_if_unchanged(written: &Path, text: &str) {
    if std::fs::read_to_string(written).is_ok_and(|now| now == text) {
        let _ = std::fs::remove_file(written);
    }
}

/// Finish a key change that was stopped after the logbook was replaced:
/// the pending key file, when it is the one whose salt begins the file,
/// takes the key file's place.
pub fn settle_stopped_change(logbook: &Path, salt: &[u8; SALT_LEN]) -> Result<()> {
    let pending = pending_key_file_of(logbook);
    let current = read_bounded(logbook, pending)
        .ok()
        .is_some_and(|(_, text)| {
            toml::from_str::<KeyFile>(&text).is_ok_and(|file| file.logbook == hex(salt))
        });
    if current {
        settle_pending_key_file(logbook)?;
    }
    Ok(())
}

/// Put a copy of the key file beside each copy an upgrade made of the
/// logbook (`NAME.vN.bak`) that is encrypted with the same key and has
/// none: a later `key change` or `decrypt` must not leave it with no way in.
pub fn keep_key_files_of_upgrade_copies(logbook: &Path, salt: &[u8; SALT_LEN]) {
    let real = std::fs::canonicalize(logbook).unwrap_or_else(|_| logbook.to_path_buf());
    let Some(name) = real.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let dir = crate::output::folder_of(&real);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let copy_name = entry.file_name().to_string_lossy().into_owned();
        let is_copy = copy_name.starts_with(&format!("{name}.v")) && copy_name.ends_with(".bak");
        let same_key = || {
            std::fs::File::open(&path)
                .and_then(|mut file| {
                    let mut first = [0u8; SALT_LEN];
                    file.read_exact(&mut first).map(|()| first)
                })
                .is_ok_and(|first| &first == salt)
        };
        if is_copy
            && entry.file_type().is_ok_and(|t| t.is_file())
            && !key_file_of(&path).exists()
            && same_key()
        {
            let _ = copy_key_file(logbook, salt, &path);
        }
    }
}

/// Remove the key file of the logbook at `logbook`, if there is one.
pub fn remove_key_file(logbook: &Path) -> Result<()> {
    for target in [key_file_of(logbook), pending_key_file_of(logbook)] {
        match std::fs::remove_file(&target) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::Io {
                    context: t!("keys-removing-file", path = target.display().to_string()),
                    source: e,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// The key file whose key opens the logbook at `logbook`, whose file begins
/// with `salt`: its own, or the one a key change stopped before renaming.
fn matching_key_file(logbook: &Path, salt: &[u8; SALT_LEN]) -> Result<(PathBuf, String)> {
    let own = read_key_file(logbook);
    let names =
        |text: &str| toml::from_str::<KeyFile>(text).is_ok_and(|file| file.logbook == hex(salt));
    if let Ok((_, text)) = &own {
        if names(text) {
            return own;
        }
    }
    if let Ok((pending, text)) = read_bounded(logbook, pending_key_file_of(logbook)) {
        if names(&text) {
            return Ok((pending, text));
        }
    }
    match own {
        Ok((file, text)) => {
            // Damaged, or whole and another logbook's.
            parse_key_file(&text, &file)?;
            Err(Error::Logbook {
                path: logbook.to_path_buf(),
                problem: t!(
                    "keys-file-of-another-logbook",
                    file = file.display().to_string()
                ),
            })
        }
        Err(e) => Err(e),
    }
}

/// What [`copy_key_file`] did.
pub enum KeyFileCopy {
    /// The key file is beside the copy; [`Undo::undo`] puts back what was
    /// in its place before, should the copy itself fail.
    Copied(Undo),
    /// The logbook has no key file: only the keyring holds its key.
    NoKeyFile,
    /// The logbook's key file is damaged, as said; none was copied.
    Damaged(String),
}

/// What stood where a key file was written, to put back.
pub struct Undo {
    path: PathBuf,
    before: Before,
}

enum Before {
    Nothing,
    Text(String),
    /// Something that is not a key file spotcheck can read back: left as
    /// the key file now written replaced it.
    Unreadable,
}

impl Undo {
    /// Put back what was in the key file's place before it was written.
    pub fn undo(self) {
        match self.before {
            Before::Nothing => {
                let _ = std::fs::remove_file(&self.path);
            }
            Before::Text(text) => {
                let _ = write_whole(&self.path, &text);
            }
            Before::Unreadable => {}
        }
    }
}

/// Put a copy of the key file of `logbook` beside its copy `copy`, which
/// the same key opens. A damaged key file is said, not a failure: the copy
/// matters more than its key file, which the keyring can stand in for.
pub fn copy_key_file(logbook: &Path, salt: &[u8; SALT_LEN], copy: &Path) -> Result<KeyFileCopy> {
    match matching_key_file(logbook, salt) {
        Ok((_, text)) => {
            let path = key_file_of(copy);
            let before = match std::fs::symlink_metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Before::Nothing,
                _ => read_bounded(copy, path.clone())
                    .map(|(_, text)| Before::Text(text))
                    .unwrap_or(Before::Unreadable),
            };
            write_key_file(copy, &text)?;
            Ok(KeyFileCopy::Copied(Undo { path, before }))
        }
        Err(Error::Logbook { .. }) => Ok(KeyFileCopy::NoKeyFile),
        Err(damage) => Ok(KeyFileCopy::Damaged(damage.to_string())),
    }
}

fn read_key_file(logbook: &Path) -> Result<(PathBuf, String)> {
    let target = key_file_of(logbook);
    read_bounded(logbook, target)
}

/// The text of the key file `target`: a regular file (a pipe would keep
/// spotcheck waiting), at most [`KEY_FILE_LIMIT`] bytes of it.
fn read_bounded(logbook: &Path, target: PathBuf) -> Result<(PathBuf, String)> {
    let shown = target.display().to_string();
    if std::fs::metadata(&target).is_ok_and(|meta| !meta.is_file()) {
        return Err(Error::input(t!(
            "keys-file-damaged",
            path = shown,
            what = "not a regular file"
        )));
    }
    let file = match std::fs::File::open(&target) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Logbook {
                path: logbook.to_path_buf(),
                problem: t!("keys-no-key-file", path = shown),
            });
        }
        Err(e) => {
            return Err(Error::Io {
                context: t!("keys-reading-file", path = shown),
                source: e,
            });
        }
    };
    let mut text = String::new();
    file.take(KEY_FILE_LIMIT)
        .read_to_string(&mut text)
        .map_err(|e| Error::Io {
            context: t!("keys-reading-file", path = shown.clone()),
            source: e,
        })?;
    Ok((target, text))
}

/// The first line of the passphrase file (see [`crate::input::secret_line`]).
fn read_passphrase_file(path: &Path) -> Result<Zeroizing<String>> {
    use crate::input::{SecretLine, secret_line};
    let shown = path.display().to_string();
    match secret_line(path, PASSPHRASE_FILE_LIMIT) {
        Ok(SecretLine::Line(passphrase)) => Ok(passphrase),
        Ok(SecretLine::Empty) => Err(Error::input(t!("keys-passphrase-file-empty", path = shown))),
        Ok(SecretLine::NotText) => Err(Error::input(t!(
            "keys-passphrase-file-not-text",
            path = shown
        ))),
        Err(source) => Err(Error::Io {
            context: t!("keys-reading-passphrase-file", path = shown),
            source,
        }),
    }
}

/// The keys of encrypted logbooks, as this process's environment lets it
/// find them: the passphrase file when `SPOTCHECK_PASSPHRASE_FILE` names
/// one (and then never the keyring), else the keyring, else a passphrase
/// typed at the terminal.
pub struct Keychain<'a> {
    /// The passphrase file, which replaces the keyring and the terminal.
    passphrase_file: Option<&'a Path>,
    /// Whether a person may be asked for the passphrase.
    ask: bool,
}

impl<'a> Keychain<'a> {
    pub fn new(env: &'a Environment) -> Keychain<'a> {
        Keychain {
            passphrase_file: env.passphrase_file.as_deref(),
            ask: env.terminal.stdin && env.terminal.stderr,
        }
    }

    /// A keychain that never asks: for completing a command line.
    pub fn silent(env: &'a Environment) -> Keychain<'a> {
        Keychain {
            ask: false,
            ..Keychain::new(env)
        }
    }

    /// A keychain that reads the passphrase from `file`, as
    /// `SPOTCHECK_PASSPHRASE_FILE` would: for another logbook.
    pub fn with_passphrase_file(env: &'a Environment, file: &'a Path) -> Keychain<'a> {
        Keychain {
            passphrase_file: Some(file),
            ..Keychain::new(env)
        }
    }

    /// A keychain that asks at the terminal, where there is one, whatever
    /// `SPOTCHECK_PASSPHRASE_FILE` says: for a new passphrase typed by a
    /// person.
    pub fn asking(env: &'a Environment) -> Option<Keychain<'a>> {
        (env.terminal.stdin && env.terminal.stderr).then_some(Keychain {
            passphrase_file: None,
            ask: true,
        })
    }

    /// Whether keys are kept in the keyring: not when the passphrase file is used.
    pub fn uses_keyring(&self) -> bool {
        self.passphrase_file.is_none()
    }

    /// The passphrase, from the passphrase file or typed; `new` asks twice
    /// and refuses a short one.
    pub fn passphrase(&self, logbook: &Path, new: bool) -> Result<Zeroizing<String>> {
        let passphrase = if let Some(file) = self.passphrase_file {
            read_passphrase_file(file)?
        } else if self.ask {
            let shown = logbook.display().to_string();
            let prompt = if new {
                t!("keys-prompt-new", path = shown)
            } else {
                t!("keys-prompt", path = shown)
            };
            let again = t!("keys-prompt-again");
            let mut question = inquire::Password::new(&prompt)
                .with_display_mode(inquire::PasswordDisplayMode::Hidden);
            question = if new {
                question.with_custom_confirmation_message(&again)
            } else {
                question.without_confirmation()
            };
            Zeroizing::new(question.prompt().map_err(|e| match e {
                inquire::InquireError::OperationCanceled
                | inquire::InquireError::OperationInterrupted => Error::Interrupted,
                other => Error::input(other.to_string()),
            })?)
        } else {
            return Err(Error::Logbook {
                path: logbook.to_path_buf(),
                problem: t!("keys-no-passphrase"),
            });
        };
        if new && passphrase.chars().count() < PASSPHRASE_MIN_CHARS {
            return Err(Error::input(t!(
                "keys-passphrase-short",
                min = PASSPHRASE_MIN_CHARS
            )));
        }
        Ok(passphrase)
    }

    /// Keep `key` in the keyring, where there is one; a keyring that
    /// refuses is not an error, the passphrase still opens the logbook.
    /// Returns whether it is kept.
    pub fn remember(&self, key: &LogbookKey) -> bool {
        if !self.uses_keyring() {
            return false;
        }
        entry(key.salt())
            .and_then(|entry| entry.set_secret(key.key()).ok())
            .is_some()
    }

    /// Forget the key of the logbook whose file began with `salt`.
    pub fn forget(&self, salt: &[u8; SALT_LEN]) {
        if self.uses_keyring() {
            if let Some(entry) = entry(salt) {
                let _ = entry.delete_credential();
            }
        }
    }

    fn recall(&self, salt: &[u8; SALT_LEN]) -> Option<LogbookKey> {
        if !self.uses_keyring() {
            return None;
        }
        let secret = Zeroizing::new(entry(salt)?.get_secret().ok()?);
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        if secret.len() != KEY_LEN {
            return None;
        }
        key.copy_from_slice(&secret);
        Some(LogbookKey::from_parts(key, *salt))
    }
}

/// Make a new logbook at `logbook`, encrypted with a new key sealed by the
/// passphrase `keychain` gives, its key file beside it and its key kept in
/// the keyring where there is one. Returns the key file and whether the
/// keyring keeps the key. Argon2id seals the key at `cost`.
pub fn create_encrypted(
    logbook: &Path,
    keychain: &Keychain<'_>,
    cost: Cost,
) -> Result<(PathBuf, bool)> {
    if let Some(refusal) = crate::store::missing_folder(logbook) {
        return Err(refusal);
    }
    let passphrase = keychain.passphrase(logbook, true)?;
    let key = LogbookKey::generate()?;
    let sealed = seal_at(&key, &passphrase, cost)?;
    let key_file = write_key_file(logbook, &sealed)?;
    if let Err(e) = crate::store::Store::create_encrypted(logbook, &key) {
        remove_if_unchanged(&key_file, &sealed);
        return Err(e);
    }
    Ok((key_file, keychain.remember(&key)))
}

/// The keyring's entry for the logbook whose file begins with `salt`.
fn entry(salt: &[u8; SALT_LEN]) -> Option<keyring::Entry> {
    keyring::Entry::new(SERVICE, &format!("logbook-{}", hex(salt))).ok()
}

impl Unlock for Keychain<'_> {
    fn key(&self, path: &Path, salt: &[u8; SALT_LEN]) -> Result<LogbookKey> {
        if let Some(key) = self.recall(salt) {
            return Ok(key);
        }
        let (file, text) = matching_key_file(path, salt)?;
        let passphrase = self.passphrase(path, false)?;
        let key = unseal(&text, &passphrase, &file)?;
        self.remember(&key);
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_key_opens_with_its_passphrase_and_no_other() {
        let key = LogbookKey::generate().unwrap();
        let text = seal(&key, "mật khẩu của tổ 1").unwrap();
        let opened = unseal(&text, "mật khẩu của tổ 1", Path::new("a.key")).unwrap();
        assert_eq!(opened.key(), key.key());
        assert_eq!(opened.salt(), key.salt());
        // Diacritics are part of the passphrase.
        let wrong = unseal(&text, "mat khau cua to 1", Path::new("a.key"))
            .err()
            .unwrap();
        assert!(wrong.to_string().contains("a.key"), "{wrong}");
        // Nothing of the key itself is in the file.
        assert!(!text.contains(&hex(key.key())));
    }

    #[test]
    fn a_key_file_moved_to_another_logbook_does_not_open() {
        let key = LogbookKey::generate().unwrap();
        let text = seal(&key, "passphrase one").unwrap();
        let other = LogbookKey::generate().unwrap();
        // The salt is bound to the sealed key: changing it breaks the seal.
        let forged = text.replace(&hex(key.salt()), &hex(other.salt()));
        assert!(unseal(&forged, "passphrase one", Path::new("a.key")).is_err());
    }

    #[test]
    fn a_hostile_key_file_is_refused_without_panic_or_huge_work() {
        let key = LogbookKey::generate().unwrap();
        let text = seal(&key, "passphrase one").unwrap();
        for hostile in [
            String::new(),
            "format = 1".into(),
            text.replace("memory_kib = 65536", "memory_kib = 99999999"),
            text.replace("iterations = 3", "iterations = 4000000000"),
            text.replace("nonce = \"", "nonce = \"zz"),
            text.replace("format = 1", "format = 2"),
            "\u{0}\u{1}binary".into(),
        ] {
            assert!(unseal(&hostile, "passphrase one", Path::new("a.key")).is_err());
        }
    }
}
