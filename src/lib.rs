pub mod error;
pub mod lexicon;
pub mod segment;
pub mod speakers;
pub mod text;
