//! Placeholder: filled in by the reports tests.
