//! `string.pack` (in progress).
