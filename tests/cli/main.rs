//! End-to-end tests of spotcheck: each runs whole commands against a
//! temporary logbook and a temporary home (see `support.rs`), in-process, or
//! as the real binary where the process itself matters. One test binary, so
//! the suite links once.

mod back_entered;
mod bad_input;
mod calendar;
mod categories;
mod corrections;
mod csv_options;
mod docs;
mod encryption;
mod exchange;
mod extreme_dates;
mod field_day;
mod finding_agreement;
mod findings;
mod hostile;
mod identity;
mod import_guard;
mod inspection_details;
mod interrupts;
mod language;
mod lookup;
mod merge_fields;
mod merge_property;
mod merge_sources;
mod output;
mod output_paths;
mod person_status;
mod plans;
mod postgres;
mod provincial_2026;
mod query_guard;
mod read_only;
mod reliability;
mod repeats;
mod report_periods;
mod report_sections;
mod reports;
mod search;
mod server;
mod settings;
mod spreadsheets;
mod sql_stream;
mod store;
mod stored_values;
mod support;
mod sync;
mod tamper;
mod text_guard;
mod twins;
mod unit_corrections;
mod unit_kinds;
mod unit_seasons;
mod visit_corrections;
