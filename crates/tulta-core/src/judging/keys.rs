//! Judges' signing keys (spec §10): an Ed25519 key pair per judge and journal folder, made at the
//! judge's first change; public keys written `ed25519:BASE64`, with a short fingerprint for people
//! to compare; and the keys a coordinator pins, one file per judge beside the journals.

use crate::files::read::{self, ReadError};
use crate::judging::journal::JournalError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use std::path::{Path, PathBuf};

const PUBLIC_PREFIX: &str = "ed25519:";
const SECRET_PREFIX: &str = "ed25519-rahasia:";

/// A judge's public key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Reads `ed25519:BASE64` (32 bytes); anything else is `None`, and so is a weak key (of small
    /// order, such as the identity point), whose "signatures" anyone can make for any line.
    pub fn parse(text: &str) -> Option<PublicKey> {
        let b64 = text.trim().strip_prefix(PUBLIC_PREFIX)?;
        let bytes: [u8; 32] = STANDARD.decode(b64).ok()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes)
            .ok()
            .filter(|k| !k.is_weak())
            .map(PublicKey)
    }

    pub fn text(&self) -> String {
        format!("{PUBLIC_PREFIX}{}", STANDARD.encode(self.0.as_bytes()))
    }

    /// The first 8 bytes of the key's SHA-256, as four groups of hex: short enough to read out
    /// over the phone, long enough that no one makes a key to match it.
    pub fn fingerprint(&self) -> String {
        let hex = crate::judging::journal::sha256_hex(self.0.as_bytes());
        hex.as_bytes()[..16]
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether `signature` (base64) is this key's signature of `message`, checked strictly: no
    /// small-order components, no non-canonical encodings that let one line carry two signatures.
    pub fn verifies(&self, message: &[u8], signature: &str) -> bool {
        let Ok(bytes) = STANDARD.decode(signature) else {
            return false;
        };
        let Ok(sig) = Signature::from_slice(&bytes) else {
            return false;
        };
        self.0.verify_strict(message, &sig).is_ok()
    }
}

/// A judge's private key, as kept on the judge's machine.
pub struct KeyPair(SigningKey);

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeyPair({})", self.public().fingerprint())
    }
}

impl KeyPair {
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    pub fn sign(&self, message: &[u8]) -> String {
        STANDARD.encode(self.0.sign(message).to_bytes())
    }

    fn parse(text: &str) -> Option<KeyPair> {
        let b64 = text.trim().strip_prefix(SECRET_PREFIX)?;
        let seed: [u8; 32] = STANDARD.decode(b64).ok()?.try_into().ok()?;
        Some(KeyPair(SigningKey::from_bytes(&seed)))
    }

    fn text(&self) -> String {
        format!("{SECRET_PREFIX}{}\n", STANDARD.encode(self.0.to_bytes()))
    }

    pub fn generate() -> std::io::Result<KeyPair> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(KeyPair(SigningKey::from_bytes(&seed)))
    }

    /// The judge's key in `dir`, if one was made there. A key file others can read is made
    /// private again before use: on the opened file, so a link planted in its place is refused,
    /// never followed to chmod what it points at.
    pub fn load(dir: &Path, juri: &str) -> Result<Option<KeyPair>, JournalError> {
        let path = secret_path(dir, juri);
        let mut file = match read::open(&path, read::Kind::Key, read::Links::Refuse) {
            Ok(f) => f,
            Err(e) if e.is_missing() => return Ok(None),
            Err(e) => return Err(JournalError::Read(e)),
        };
        make_private(&file).map_err(|err| JournalError::Io {
            path: path.display().to_string(),
            err,
        })?;
        let bytes = read::read_from(&mut file, &path, read::Kind::Key)?;
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(KeyPair::parse)
            .map(Some)
            .ok_or_else(|| JournalError::BadKey {
                path: path.display().to_string(),
            })
    }

    /// Writes a new key file, readable by its owner only; never replaces one.
    pub fn save_new(&self, dir: &Path, juri: &str) -> std::io::Result<PathBuf> {
        use std::io::Write;
        std::fs::create_dir_all(dir)?;
        let path = secret_path(dir, juri);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path)?;
        file.write_all(self.text().as_bytes())?;
        file.sync_all()?;
        Ok(path)
    }

    /// Installs a key brought from elsewhere (the sample's demo keys), unless one is there.
    pub fn install(dir: &Path, juri: &str, text: &[u8]) -> std::io::Result<bool> {
        let Some(pair) = std::str::from_utf8(text).ok().and_then(KeyPair::parse) else {
            return Ok(false);
        };
        if secret_path(dir, juri).exists() {
            return Ok(false);
        }
        pair.save_new(dir, juri).map(|_| true)
    }
}

/// On Unix (Linux, macOS) the file's mode is its owner's only, set on the opened file (never by
/// name, so a link in its place cannot turn the change onto what it points at). Windows has no
/// mode: there a key is private by where it lives, the data folder in the user's own profile
/// (`%APPDATA%\budaya-kerja\tulta\data`), whose inherited access list admits only that user,
/// SYSTEM and Administrators. That keeps other users of a shared laptop from reading it; like
/// the Unix mode, it does not keep out an administrator or malware running as the user.
fn make_private(file: &std::fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// `<dir>/<juri>.key`: the judge's private key. `juri` must be a validated id.
pub(crate) fn secret_path(dir: &Path, juri: &str) -> PathBuf {
    dir.join(format!("{juri}.key"))
}

/// `<dir>/<juri>.kunci`: the public key pinned for the judge in this folder.
pub(crate) fn pin_path(dir: &Path, juri: &str) -> PathBuf {
    dir.join(format!("{juri}.kunci"))
}

/// The key pinned in `dir` for `juri`, if any.
pub(crate) fn pinned_here(dir: &Path, juri: &str) -> Result<Option<PublicKey>, ReadError> {
    let bytes = read::read_if_any(&pin_path(dir, juri), read::Kind::Pin, read::Links::Refuse)?;
    Ok(bytes.and_then(|b| PublicKey::parse(&String::from_utf8_lossy(&b))))
}

/// The public half of the judge's own key in `dir`, if one was made or installed there: it stands
/// for a pin that was deleted (spec §11, a judge's own key restores its pin). Read without making
/// the file private: only [`KeyPair::load`], which signs with it, does that.
pub(crate) fn own_here(dir: &Path, juri: &str) -> Result<Option<PublicKey>, ReadError> {
    let bytes = read::read_if_any(
        &secret_path(dir, juri),
        read::Kind::Key,
        read::Links::Refuse,
    )?;
    Ok(bytes
        .and_then(|b| std::str::from_utf8(&b).ok().and_then(KeyPair::parse))
        .map(|k| k.public()))
}

/// Pins `key` for `juri` in `dir` (the first key seen wins: an existing pin is kept).
pub fn pin(dir: &Path, juri: &str, key: &PublicKey) -> std::io::Result<()> {
    if pin_path(dir, juri).exists() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    crate::files::write_atomic(&pin_path(dir, juri), format!("{}\n", key.text()).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_sign_and_verify() {
        let pair = KeyPair::generate().expect("key");
        let public = pair.public();
        assert_eq!(PublicKey::parse(&public.text()), Some(public.clone()));
        let sig = pair.sign(b"baris");
        assert!(public.verifies(b"baris", &sig));
        assert!(!public.verifies(b"baris!", &sig));
        assert!(!public.verifies(b"baris", "bukan-base64"));
        assert_eq!(public.fingerprint().len(), 19);
        assert_eq!(PublicKey::parse("ed25519:AAAA"), None);
        assert_eq!(PublicKey::parse("rsa:xyz"), None);
        // The identity point: a small-order key that "verifies" identity ‖ zeros for any line.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(
            PublicKey::parse(&format!("ed25519:{}", STANDARD.encode(identity))),
            None
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_private_key_file_is_its_owners_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tmp");
        let pair = KeyPair::generate().expect("key");
        let path = pair.save_new(dir.path(), "juri-1").expect("save");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(
            pair.save_new(dir.path(), "juri-1").is_err(),
            "never replaced"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let back = KeyPair::load(dir.path(), "juri-1")
            .expect("load")
            .expect("some");
        assert_eq!(back.public(), pair.public());
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "made private again");
    }
}
