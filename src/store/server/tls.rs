//! TLS to the server as libpq's `sslmode` and `sslrootcert` ask for it,
//! over rustls, so that no system library is needed.
//!
//! The PostgreSQL driver reads only `disable`, `prefer` and `require`, and
//! no root certificate: both words are taken out of the connection string
//! here, and the certificate check they ask for is made by the connector.
//!
//! | `sslmode` | encrypted | the server's certificate |
//! |---|---|---|
//! | `disable` | never | |
//! | `allow`, `prefer` (the default) | when the server offers it | not checked |
//! | `require` | always | not checked, unless there is a root certificate (then as `verify-ca`) |
//! | `verify-ca` | always | signed by the root certificate |
//! | `verify-full` | always | signed by it, and made out to the host connected to |

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::config::SslMode;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{Error, Result};

/// The TLS words of a connection string.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct TlsWords {
    pub mode: Option<String>,
    pub root_cert: Option<String>,
}

/// The connection string without `sslmode` and `sslrootcert`, and their
/// values; either form, `postgresql://…?sslmode=…` or `key=value …`.
pub(super) fn take_tls_words(url: &str) -> Result<(String, TlsWords)> {
    let mut words = TlsWords::default();
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("postgresql://") || lower.starts_with("postgres://") {
        let Some((base, query)) = url.split_once('?') else {
            return Ok((url.to_string(), words));
        };
        let mut kept = Vec::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            // `ssl%6Dode` is `sslmode` to the driver too.
            match percent_decoded(key).as_str() {
                "sslmode" => words.mode = Some(percent_decoded(value)),
                "sslrootcert" => words.root_cert = Some(percent_decoded(value)),
                _ => kept.push(pair),
            }
        }
        let rest = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        return Ok((rest, words));
    }
    let mut kept = Vec::new();
    for (key, value) in key_values(url)? {
        match key.as_str() {
            "sslmode" => words.mode = Some(value),
            "sslrootcert" => words.root_cert = Some(value),
            _ => kept.push(format!(
                "{key}='{}'",
                value.replace('\\', "\\\\").replace('\'', "\\'")
            )),
        }
    }
    Ok((kept.join(" "), words))
}

/// `%XX` sequences as the bytes they stand for; others left as they are.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The pairs of libpq's `key=value` form: spaces around `=` allowed, a
/// value in single quotes may hold spaces, and `\` escapes the next
/// character.
fn key_values(text: &str) -> Result<Vec<(String, String)>> {
    let bad = || Error::input(t!("server-url-bad", problem = t!("server-key-value-form")));
    let mut pairs = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Ok(pairs);
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if key.is_empty() || chars.next() != Some('=') {
            return Err(bad());
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    Some('\\') => value.push(chars.next().ok_or_else(bad)?),
                    Some('\'') => break,
                    Some(c) => value.push(c),
                    None => return Err(bad()),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.push(chars.next().ok_or_else(bad)?);
                } else {
                    value.push(c);
                }
            }
        }
        pairs.push((key, value));
    }
}

/// How much the connection checks of the server's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    Nothing,
    Issuer,
    IssuerAndName,
}

/// The driver's mode and the connector for `words`; `home` holds
/// `.postgresql/root.crt`, the root certificate when none is named.
pub(super) fn connector(
    words: &TlsWords,
    home: Option<&Path>,
) -> Result<(SslMode, MakeRustlsConnect)> {
    let named = words.root_cert.as_deref().map(PathBuf::from);
    let default_root = home.map(|home| home.join(".postgresql").join("root.crt"));
    let root = named
        .clone()
        .or_else(|| default_root.clone().filter(|path| path.is_file()));
    let (mode, check) = match words.mode.as_deref().unwrap_or("prefer") {
        "disable" => (SslMode::Disable, Check::Nothing),
        "allow" | "prefer" => (SslMode::Prefer, Check::Nothing),
        "require" if root.is_some() => (SslMode::Require, Check::Issuer),
        "require" => (SslMode::Require, Check::Nothing),
        "verify-ca" => (SslMode::Require, Check::Issuer),
        "verify-full" => (SslMode::Require, Check::IssuerAndName),
        other => {
            return Err(Error::input(t!(
                "server-sslmode-unknown",
                mode = other.to_string()
            )));
        }
    };
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let algorithms = provider.signature_verification_algorithms;
    let signed_by = if check == Check::Nothing {
        None
    } else {
        let Some(root) = root.or(default_root) else {
            return Err(Error::input(t!("server-root-cert-unknown")));
        };
        if !root.exists() {
            return Err(Error::input(t!(
                "server-root-cert-missing",
                path = root.display().to_string()
            )));
        }
        let roots = root_store(&root)?;
        let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .map_err(|e| {
                Error::input(t!(
                    "server-root-cert-bad",
                    path = root.display().to_string(),
                    problem = e.to_string()
                ))
            })?;
        Some(webpki)
    };
    let verifier = Arc::new(Verifier {
        signed_by,
        check,
        algorithms,
    });
    let config = client_config(provider, verifier)?;
    Ok((mode, MakeRustlsConnect::new(config)))
}

fn client_config(provider: Arc<CryptoProvider>, verifier: Arc<Verifier>) -> Result<ClientConfig> {
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::input(t!("server-tls-setup", problem = e.to_string())))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(config)
}

/// The largest root certificate file read: a bundle of every public
/// authority is a few hundred kilobytes.
const ROOT_CERT_LIMIT: u64 = 4 << 20;

/// The certificates of a PEM file, trusted as roots.
fn root_store(path: &Path) -> Result<RootCertStore> {
    let bad = |problem: String| {
        Error::input(t!(
            "server-root-cert-bad",
            path = path.display().to_string(),
            problem = problem
        ))
    };
    // A device or a pipe named by mistake could be read for ever: only a
    // regular file, and no more of it than a bundle of authorities needs.
    let file = std::fs::File::open(path).map_err(|e| bad(e.to_string()))?;
    let is_file = file.metadata().map_err(|e| bad(e.to_string()))?.is_file();
    let mut pem = Vec::new();
    if is_file {
        file.take(ROOT_CERT_LIMIT + 1)
            .read_to_end(&mut pem)
            .map_err(|e| bad(e.to_string()))?;
    }
    if !is_file || pem.len() as u64 > ROOT_CERT_LIMIT {
        return Err(bad(t!("server-root-cert-not-pem-file")));
    }
    let certificates = CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| bad(e.to_string()))?;
    if certificates.is_empty() {
        return Err(bad(t!("server-root-cert-empty")));
    }
    let mut roots = RootCertStore::empty();
    for certificate in certificates {
        roots.add(certificate).map_err(|e| bad(e.to_string()))?;
    }
    Ok(roots)
}

/// How a connection checks the server's certificate: not at all
/// (`prefer`, and `require` without a root certificate, as in libpq), who
/// signed it (`verify-ca`), or also whom it names (`verify-full`). The
/// handshake's signatures are verified in every case, so the session is
/// the one the certificate's key made.
#[derive(Debug)]
struct Verifier {
    signed_by: Option<Arc<WebPkiServerVerifier>>,
    check: Check,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let Some(webpki) = &self.signed_by else {
            return Ok(ServerCertVerified::assertion());
        };
        match webpki.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if self.check == Check::Issuer => Ok(ServerCertVerified::assertion()),
            verified => verified,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_words_come_out_of_either_form_and_the_rest_stays() {
        let (rest, words) = take_tls_words(
            "postgresql://noivu@db.example.vn/tinh?sslmode=verify-full&application_name=x&sslrootcert=%2Fetc%2Fca.pem",
        )
        .unwrap();
        assert_eq!(
            rest,
            "postgresql://noivu@db.example.vn/tinh?application_name=x"
        );
        assert_eq!(
            words,
            TlsWords {
                mode: Some("verify-full".into()),
                root_cert: Some("/etc/ca.pem".into())
            }
        );
        let (rest, words) = take_tls_words(
            "host=db.example.vn user = noivu sslmode=require sslrootcert='/a b/it\\'s.pem' dbname=tinh",
        )
        .unwrap();
        assert_eq!(rest, "host='db.example.vn' user='noivu' dbname='tinh'");
        assert_eq!(words.mode.as_deref(), Some("require"));
        assert_eq!(words.root_cert.as_deref(), Some("/a b/it's.pem"));
        assert!(take_tls_words("host=h user").is_err());
        assert!(take_tls_words("=x host=h").is_err());
        let (_, encoded) = take_tls_words("postgresql://t@h/db?ssl%6Dode=verify-full").unwrap();
        assert_eq!(encoded.mode.as_deref(), Some("verify-full"));
        assert!(take_tls_words("host='h").is_err());
    }

    #[test]
    fn a_mode_that_checks_the_certificate_needs_a_root_certificate() {
        let home = tempfile::tempdir().unwrap();
        let words = |mode: &str| TlsWords {
            mode: Some(mode.into()),
            root_cert: None,
        };
        for mode in ["verify-ca", "verify-full"] {
            let refused = connector(&words(mode), Some(home.path()))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(refused.contains("sslrootcert"), "{refused}");
        }
        for (mode, expected) in [
            ("disable", SslMode::Disable),
            ("prefer", SslMode::Prefer),
            ("allow", SslMode::Prefer),
            ("require", SslMode::Require),
        ] {
            let (found, _) = connector(&words(mode), Some(home.path())).unwrap();
            assert_eq!(found, expected, "{mode}");
        }
        assert!(connector(&words("sometimes"), None).is_err());
        // A device named as the root certificate is refused, not read for ever.
        let device = TlsWords {
            mode: Some("verify-ca".into()),
            root_cert: Some("/dev/zero".into()),
        };
        let refused = connector(&device, None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(refused.contains("not a file of at most 4 MB"), "{refused}");
    }
}
