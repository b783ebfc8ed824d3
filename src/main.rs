//! The spotcheck binary: hands the process's arguments and streams to the library.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use clap::CommandFactory;

fn main() -> ExitCode {
    // The one place the environment is read.
    let env = spotcheck::environment::Environment::from_process();
    spotcheck::completion::set_environment(env.clone());
    // A shell asking for completions (`COMPLETE=bash spotcheck -- …`) gets
    // its candidates and the process ends here; otherwise this does nothing.
    clap_complete::CompleteEnv::with_factory(spotcheck::cli::Cli::command)
        .var(spotcheck::completion::VARIABLE)
        .complete();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    ExitCode::from(spotcheck::run_args(
        std::env::args_os(),
        &env,
        &mut out,
        &mut err,
    ))
}
