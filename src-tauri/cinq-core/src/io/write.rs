//! Atomic writes of the files Cinq exports.
