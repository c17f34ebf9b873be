//! Error types shared by the stages.
//!
//! Data files a user brings (a taxonomy, an abbreviation table) fail with a
//! [`DataError`] that says where (line or field) and what is wrong; the binary
//! adds the path. Per-input failures in a batch are [`InputError`]s, printed as
//! `whosaid: PATH: cause` while the batch goes on.

use std::fmt;

/// A problem in a user-supplied data file, located by line or field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DataError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl DataError {
    /// An error at a 1-based line.
    pub fn at_line(line: usize, message: impl Into<String>) -> Self {
        DataError { line: Some(line), message: message.into() }
    }

    /// An error with no line.
    pub fn new(message: impl Into<String>) -> Self {
        DataError { line: None, message: message.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Why one input could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Reading failed (missing file, permission, …).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte {offset} (use --lossy to decode anyway)")]
    Utf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file looks binary (NUL bytes) or is UTF-16.
    #[error("{0}")]
    NotText(String),
}
