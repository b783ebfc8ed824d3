//! Records between logbooks and spreadsheets: reading an export back in, row
//! by row, each value checked as if it were typed, and bringing another
//! logbook's records into this one.

mod csv_file;
mod finding;
mod import;
mod merge;
mod pulled;

pub use import::{ImportContext, import};
pub use merge::{LikelyDuplicate, Logbook, MergeCounts, MergeReport, Source, merge, merge_then};
pub use pulled::Server;

use crate::error::{Error, Result};

/// What an import or a merge did, per kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Once Ctrl-C or SIGTERM arrives, a long import or merge stops at its next
/// record, so its transaction rolls back and the logbook is closed as usual
/// before the process ends.
fn stop_if_interrupted() -> Result<()> {
    if crate::output::is_interrupted() {
        return Err(Error::Interrupted);
    }
    Ok(())
}
