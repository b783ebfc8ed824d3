//! Placeholder: filled in by the exchange tests.
