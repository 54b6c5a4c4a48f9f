//! `string.format` (in progress).
