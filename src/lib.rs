pub mod error;
pub mod segment;
