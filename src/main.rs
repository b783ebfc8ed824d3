//! The spotcheck binary: hands the process's arguments and streams to the library.

use std::io::{self, BufWriter};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    ExitCode::from(spotcheck::run_args(std::env::args_os(), &mut out, &mut err))
}
