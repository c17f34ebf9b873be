//! Layout of the compiled given-name table, shared by `build.rs`, which lays
//! it out, and [`super`], which reads it: one hash function and one slot
//! format, so the two cannot drift apart.
//!
//! The table is open addressing with linear probing over a power-of-two
//! number of little-endian `u32` slots, at most half full. A slot packs the
//! name's byte offset in the name blob (24 bits), its byte length (5 bits) and
//! its [`info`](pack) bits (3 bits); `0` marks an empty slot (no name is
//! empty).

/// Bits for the byte offset of a name in the blob.
pub const OFFSET_BITS: u32 = 24;
/// Bits for the byte length of a name: names are at most 31 bytes.
pub const LEN_BITS: u32 = 5;
/// Longest name the table can hold, in bytes.
pub const MAX_LEN: usize = (1 << LEN_BITS) - 1;
/// Largest blob the table can address, in bytes.
pub const MAX_BLOB: usize = 1 << OFFSET_BITS;

/// Info bits: gender prior in the low two bits …
pub const UNISEX: u8 = 0;
/// … male,
pub const MALE: u8 = 1;
/// … female,
pub const FEMALE: u8 = 2;
/// … and this bit when the name is also a common English word.
pub const WORD: u8 = 4;

/// FNV-1a (64 bit): fixed, so the layout written at build time is the one
/// read at run time on any platform.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Packs a slot; `offset < MAX_BLOB`, `1 <= len <= MAX_LEN`, `info < 8`.
pub fn pack(offset: usize, len: usize, info: u8) -> u32 {
    debug_assert!(offset < MAX_BLOB && (1..=MAX_LEN).contains(&len) && info < 8);
    offset as u32 | (len as u32) << OFFSET_BITS | u32::from(info) << (OFFSET_BITS + LEN_BITS)
}

/// Unpacks a non-empty slot into `(offset, len, info)`.
pub fn unpack(slot: u32) -> (usize, usize, u8) {
    let offset = slot & ((1 << OFFSET_BITS) - 1);
    let len = (slot >> OFFSET_BITS) & ((1 << LEN_BITS) - 1);
    (offset as usize, len as usize, (slot >> (OFFSET_BITS + LEN_BITS)) as u8)
}
