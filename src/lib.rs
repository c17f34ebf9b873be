//! # whosaid
//!
//! Reads *event reports* — prose summaries of conference and diplomatic
//! sessions — and answers **who said what, about which topic**.
//!
//! The pipeline has one module per stage:
//!
//! 1. [`segment`] — sentences with byte offsets, never losing text;
//! 2. [`speakers`] — name-and-title introductions into a speaker table;
//! 3. [`attribute`] — each sentence to its speaker (or none), with evidence;
//! 4. [`topics`] — keyword taxonomy matched on Snowball stems;
//! 5. [`output`] — JSON, JSON Lines or CSV at sentence, speaker or topic level.
//!
//! [`Analyzer`] runs them all:
//!
//! ```
//! let analyzer = whosaid::Analyzer::default();
//! let text = "Ms Lena Varga (Head of Policy, Northwind Foundation) stressed that \
//!             privacy matters. Varga added that encryption helps. She warned of \
//!             cyber-attacks on hospitals.";
//! let report = analyzer.analyze("example.txt", text);
//!
//! assert_eq!(&*report.speakers[0].name, "Lena Varga");
//! assert_eq!(report.speakers[0].title.as_deref(), Some("Head of Policy, Northwind Foundation"));
//! let who: Vec<_> = report.sentences.iter().map(|s| (s.speaker.as_deref(), s.attribution)).collect();
//! assert_eq!(who, [
//!     (Some("Lena Varga"), "explicit"),
//!     (Some("Lena Varga"), "alias"),
//!     (Some("Lena Varga"), "pronoun"),
//! ]);
//! assert!(report.sentences[2].topics.contains(&"cybersecurity"));
//! // offsets index the input
//! let s = &report.sentences[1];
//! assert_eq!(&text[s.start..s.end], s.text);
//! ```

#![warn(missing_docs)]

pub mod app;
pub mod attribute;
pub mod cli;
pub mod error;
pub mod fuzzy;
pub mod gazetteer;
pub mod lexicon;
pub mod outdir;
pub mod output;
pub mod report;
pub mod segment;
pub mod speakers;
pub mod text;
pub mod topics;
pub mod view;

pub use report::{Analyzer, Report};
