//! The `--help` of every command in the interface language.
//!
//! The English help is the doc comments of `cli.rs`, as clap reads them, and
//! is written nowhere else (`en/help.ftl` holds only the words clap puts
//! around it: headings, its own flags); the texts of other languages come from `locales/*/help.ftl`, one message for
//! each command (`help-visit-start`, the root being `help-spotcheck`, with
//! `-long` added for a longer description), for each of its arguments
//! (`help-visit-start--unit`) and for each described value of an argument
//! (`help-list--sort--date`). Command names, flag names and value names never
//! change, so what a person reads in one language can be typed in the other.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};

use crate::i18n::{self, Lang};

/// The help headings clap writes itself, and the example headings of the
/// `after_help` texts, with the catalogue key of each.
const HEADING_USAGE: &str = "help-heading-usage";
const HEADING_COMMANDS: &str = "help-heading-commands";
const HEADING_ARGUMENTS: &str = "help-heading-arguments";
const HEADING_OPTIONS: &str = "help-heading-options";
const HEADING_GLOBAL: &str = "help-heading-global";
const EXAMPLE_HEADINGS: &[&str] = &[
    "help-heading-example",
    "help-heading-examples",
    "help-heading-field-day",
];

/// Texts clap would otherwise write in English: the `--help` and `--version`
/// flags, the `help` command and the lists of values and defaults.
const FLAG_HELP: &str = "help-flag-help";
const FLAG_HELP_LONG: &str = "help-flag-help-long";
const FLAG_VERSION: &str = "help-flag-version";
const COMMAND_HELP: &str = "help-command-help";
const VALUES: &str = "help-values";
const VALUES_INLINE: &str = "help-values-inline";
const DEFAULT: &str = "help-default";

/// `command` (the whole tree) with its help in `lang`. English is the help
/// as written in `cli.rs`, so it comes back untouched.
///
/// Any other language comes back already built, ready to parse: clap
/// indexes a built command's arguments by position, so change no argument
/// of it after this (`mut_arg` would make `-h` find the wrong flag).
pub fn localized(command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let mut command = translated(command, lang);
    // clap adds the `help` command only when it builds the tree, so its
    // description can be changed only after that.
    command.build();
    translate_help_commands(&mut command, lang);
    command
}

/// The language for the help, chosen before the command line is parsed:
/// `--lang X` or `--lang=X` anywhere in `args` (the program name first),
/// else `SPOTCHECK_LANG`, else the locale, else English.
///
/// The config file's `lang` is not read: help must work where there is no
/// logbook or config yet, and a config file that cannot be read must not
/// hide the help that explains how to fix it. A value that names no language
/// is passed over here; parsing reports it afterwards.
pub fn lang_from_args(args: &[OsString], env: &crate::environment::Environment) -> Lang {
    let mut chosen = None;
    let mut words = args.iter().skip(1).filter_map(|arg| arg.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break; // what follows is operands, not flags
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            chosen = Some(lang);
        }
    }
    chosen
        .or_else(|| env.lang.as_deref().and_then(Lang::from_code))
        .or_else(|| env.locale_lang())
        .unwrap_or_default()
}

fn text(lang: Lang, key: &str) -> String {
    i18n::message_in(lang, key, None)
}

/// The key path of a subcommand below the command at `path`.
fn child_path(path: Option<&str>, name: &str) -> String {
    match path {
        Some(parent) => format!("{parent}-{name}"),
        None => name.to_string(),
    }
}

/// Everything that can be changed before clap builds the tree.
fn translated(command: Command, lang: Lang) -> Command {
    translate_command(command, None, lang)
}

/// The command at key `path` (`None` for the root) and all below it.
fn translate_command(mut command: Command, path: Option<&str>, lang: Lang) -> Command {
    let path_text = path.unwrap_or(command.get_name()).to_string();
    let key = format!("help-{path_text}");
    let long_about = command.get_long_about().is_some();
    command = command.about(text(lang, &key));
    command = if long_about {
        command.long_about(text(lang, &format!("{key}-long")))
    } else {
        command
    };
    if let Some(after) = command.get_after_help() {
        let after = examples_in(&after.to_string(), lang);
        command = command.after_help(after);
    }
    command = with_headings(command, lang);

    // clap's own `--help` and `--version` have fixed English texts, so they
    // are replaced by flags that do the same.
    command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(text(lang, FLAG_HELP))
            .long_help(text(lang, FLAG_HELP_LONG))
            .help_heading(text(lang, HEADING_OPTIONS)),
    );
    if command.get_version().is_some() || command.get_long_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text(lang, FLAG_VERSION))
                .help_heading(text(lang, HEADING_OPTIONS)),
        );
    }

    // clap heads arguments without a heading "Arguments" and "Options" and
    // cannot be told otherwise, so every argument gets a heading of its own.
    // Headings are listed in the order their first argument comes, so the
    // arguments are reordered to keep English's order: arguments, options,
    // then global options.
    let global = i18n::message_in(Lang::En, HEADING_GLOBAL, None);
    let mut positionals = Vec::new();
    let mut options = Vec::new();
    let mut globals = Vec::new();
    for arg in command.get_arguments() {
        let id = arg.get_id().to_string();
        if arg.is_positional() {
            positionals.push(id);
        } else if arg.get_help_heading() == Some(global.as_str()) {
            globals.push(id);
        } else {
            options.push(id);
        }
    }
    for (index, id) in positionals.iter().enumerate() {
        let key = format!("help-{path_text}--{id}");
        command = command.mut_arg(id, |arg| {
            // Under a heading of their own, arguments are sorted by display
            // order rather than position; this keeps them in position order.
            translate_arg(arg, &key, lang)
                .help_heading(text(lang, HEADING_ARGUMENTS))
                .display_order(index)
        });
    }
    for id in &options {
        let key = format!("help-{path_text}--{id}");
        command = command.mut_arg(id, |arg| {
            let arg = if arg.get_id() == "help" || arg.get_id() == "version" {
                arg
            } else {
                translate_arg(arg, &key, lang)
            };
            arg.help_heading(text(lang, HEADING_OPTIONS))
        });
    }
    for id in &globals {
        let key = format!("help-{path_text}--{id}");
        command = command.mut_arg(id, |arg| {
            translate_arg(arg, &key, lang).help_heading(text(lang, HEADING_GLOBAL))
        });
    }

    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = child_path(path, &name);
        command =
            command.mut_subcommand(&name, |sub| translate_command(sub, Some(&sub_path), lang));
    }
    command
}

/// An argument's help in `lang`, with the default and the possible values
/// that clap would add in English written in `lang` instead.
fn translate_arg(arg: Arg, key: &str, lang: Lang) -> Arg {
    let mut short = text(lang, key);
    let mut long = if arg.get_long_help().is_some() {
        text(lang, &format!("{key}-long"))
    } else {
        short.clone()
    };
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = if takes_values && !arg.is_hide_default_value_set() {
        arg.get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect()
    } else {
        Vec::new()
    };
    // Before the tree is built, `Arg::get_possible_values` is empty; the
    // value parser already knows them.
    let values: Vec<clap::builder::PossibleValue> =
        if takes_values && !arg.is_hide_possible_values_set() {
            arg.get_value_parser()
                .possible_values()
                .map(|values| values.filter(|value| !value.is_hide_set()).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
    if defaults.is_empty() && values.is_empty() {
        return if arg.get_long_help().is_some() {
            arg.help(short).long_help(long)
        } else {
            arg.help(short)
        };
    }

    let default_text = (!defaults.is_empty())
        .then(|| format!("[{}: {}]", text(lang, DEFAULT), defaults.join(" ")));
    let names: Vec<&str> = values.iter().map(|value| value.get_name()).collect();
    let inline_values = (!values.is_empty())
        .then(|| format!("[{}: {}]", text(lang, VALUES_INLINE), names.join(", ")));
    for spec in default_text.iter().chain(&inline_values) {
        short.push(' ');
        short.push_str(spec);
    }

    // As clap does: values with a description are listed one a line, in the
    // long help only.
    let described = values.iter().any(|value| value.get_help().is_some());
    if described {
        let width = names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        long.push_str(&format!("\n\n{}:", text(lang, VALUES)));
        for value in &values {
            let name = value.get_name();
            let value_key = format!("{key}--{name}");
            let help = if value.get_help().is_some() {
                text(lang, &value_key)
            } else {
                String::new()
            };
            long.push_str(&format!(
                "\n- {name}: {:pad$}{help}",
                "",
                pad = width - name.chars().count()
            ));
        }
    }
    let specs: Vec<&String> = default_text
        .iter()
        .chain(inline_values.iter().filter(|_| !described))
        .collect();
    if !specs.is_empty() {
        long.push_str("\n\n");
        long.push_str(
            &specs
                .iter()
                .map(|spec| spec.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    let arg = if defaults.is_empty() {
        arg
    } else {
        arg.hide_default_value(true)
    };
    let arg = if values.is_empty() {
        arg
    } else {
        arg.hide_possible_values(true)
    };
    arg.help(short).long_help(long)
}

/// The "Usage:" and "Commands:" headings in `lang`.
fn with_headings(command: Command, lang: Lang) -> Command {
    let usage = *command.get_styles().get_usage();
    // clap's default template, with the usage heading written out, since
    // `{usage-heading}` is always "Usage:".
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, HEADING_USAGE)
    );
    command
        .help_template(template)
        .subcommand_help_heading(text(lang, HEADING_COMMANDS))
}

/// An `after_help` text with its heading ("Examples:") in `lang`; the
/// command lines under it stay as they are, since they are typed as shown.
fn examples_in(after: &str, lang: Lang) -> String {
    for key in EXAMPLE_HEADINGS {
        let english = format!("{}:", i18n::message_in(Lang::En, key, None));
        if let Some(rest) = after.strip_prefix(&english) {
            return format!("{}:{rest}", text(lang, key));
        }
    }
    after.to_string()
}

/// The description and headings of each `help` command that building added.
fn translate_help_commands(command: &mut Command, lang: Lang) {
    for sub in command.get_subcommands_mut() {
        if sub.get_name() == "help" {
            translate_help_tree(sub, lang);
        } else {
            translate_help_commands(sub, lang);
        }
    }
}

fn translate_help_tree(command: &mut Command, lang: Lang) {
    let mut changed = std::mem::take(command);
    if changed.get_name() == "help" {
        changed = changed.about(text(lang, COMMAND_HELP));
    }
    *command = with_headings(changed, lang);
    for sub in command.get_subcommands_mut() {
        translate_help_tree(sub, lang);
    }
}

/// A command-line mistake (an unknown command or flag, a bad or missing
/// value) told in the run's language; None where clap's own words stand
/// (English, and the rare kinds of mistake not translated here).
pub fn translated_error(error: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En {
        return None;
    }
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::InvalidSubcommand => i18n::message_in(
            lang,
            "cli-error-unknown-command",
            Some(&args(&[(
                "command",
                text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )])),
        ),
        ErrorKind::UnknownArgument => i18n::message_in(
            lang,
            "cli-error-unknown-flag",
            Some(&args(&[("flag", arg)])),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut line = i18n::message_in(
                lang,
                "cli-error-bad-value",
                Some(&args(&[("value", value), ("flag", arg)])),
            );
            if let Some(problem) = std::error::Error::source(error) {
                line.push_str(&format!(": {problem}"));
            }
            if let Some(valid) = text(ContextKind::ValidValue) {
                line.push_str(&format!(
                    "\n  [{}: {valid}]",
                    i18n::message_in(lang, "help-values-inline", None)
                ));
            }
            line
        }
        ErrorKind::MissingRequiredArgument => {
            i18n::message_in(lang, "cli-error-missing", Some(&args(&[("flags", arg)])))
        }
        ErrorKind::ArgumentConflict => i18n::message_in(
            lang,
            "cli-error-conflict",
            Some(&args(&[
                ("flag", arg),
                ("other", text(ContextKind::PriorArg).unwrap_or_default()),
            ])),
        ),
        _ => return None,
    };
    let suggestion = text(ContextKind::SuggestedSubcommand)
        .or_else(|| text(ContextKind::SuggestedArg))
        .or_else(|| text(ContextKind::SuggestedValue));
    if let Some(suggestion) = suggestion {
        message.push_str("\n\n  ");
        message.push_str(&i18n::message_in(
            lang,
            "cli-error-did-you-mean",
            Some(&args(&[("suggestion", suggestion)])),
        ));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        message.push_str(&format!(
            "\n\n{}: {usage}",
            i18n::message_in(lang, HEADING_USAGE, None)
        ));
    }
    message.push_str("\n\n");
    message.push_str(&i18n::message_in(lang, "cli-error-try-help", None));
    Some(format!(
        "{}\n",
        i18n::message_in(lang, "error-line", Some(&args(&[("message", message)])))
    ))
}

fn args(pairs: &[(&'static str, String)]) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;
    use fluent_syntax::ast::Entry;

    use super::*;
    use crate::cli::Cli;

    /// Each help text of the command tree with its catalogue key, in English
    /// as clap reads it from `cli.rs`.
    fn english_texts() -> Vec<(String, String)> {
        let mut texts = Vec::new();
        collect(&Cli::command(), None, &mut texts);
        texts
    }

    fn collect(command: &Command, path: Option<&str>, texts: &mut Vec<(String, String)>) {
        let key = format!("help-{}", path.unwrap_or(command.get_name()));
        let about = command.get_about().map(ToString::to_string);
        texts.push((key.clone(), about.unwrap_or_default()));
        if let Some(long) = command.get_long_about() {
            texts.push((format!("{key}-long"), long.to_string()));
        }
        for arg in command.get_arguments() {
            let arg_key = format!("{key}--{}", arg.get_id());
            let help = arg.get_help().map(ToString::to_string);
            texts.push((arg_key.clone(), help.unwrap_or_default()));
            if let Some(long) = arg.get_long_help() {
                texts.push((format!("{arg_key}-long"), long.to_string()));
            }
            for value in arg
                .get_value_parser()
                .possible_values()
                .into_iter()
                .flatten()
            {
                if let Some(help) = value.get_help() {
                    texts.push((format!("{arg_key}--{}", value.get_name()), help.to_string()));
                }
            }
        }
        for sub in command.get_subcommands() {
            collect(sub, Some(&child_path(path, sub.get_name())), texts);
        }
    }

    /// The keys that are not about one command or argument.
    const FIXED: &[&str] = &[
        HEADING_USAGE,
        HEADING_COMMANDS,
        HEADING_ARGUMENTS,
        HEADING_OPTIONS,
        HEADING_GLOBAL,
        EXAMPLE_HEADINGS[0],
        EXAMPLE_HEADINGS[1],
        EXAMPLE_HEADINGS[2],
        FLAG_HELP,
        FLAG_HELP_LONG,
        FLAG_VERSION,
        COMMAND_HELP,
        VALUES,
        VALUES_INLINE,
        DEFAULT,
    ];

    fn help_catalogue_keys(lang: Lang) -> BTreeSet<String> {
        let (_, source) = i18n::catalogue_sources(lang)
            .find(|(name, _)| *name == "help.ftl")
            .expect("help.ftl is in the catalogue list");
        let resource = fluent_syntax::parser::parse(source).expect("help.ftl parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// The English help is the doc comments, read from the command tree;
    /// `en/help.ftl` holds only what clap writes around it, and
    /// `vi/help.ftl` translates both, with nothing left over.
    #[test]
    fn every_command_and_argument_has_its_help_in_vietnamese() {
        let fixed: BTreeSet<String> = FIXED.iter().map(ToString::to_string).collect();
        assert_eq!(help_catalogue_keys(Lang::En), fixed, "en/help.ftl");

        let texts = english_texts();
        let mut expected = fixed;
        for (key, text) in &texts {
            assert!(!text.is_empty(), "`{key}` has no help in cli.rs");
            assert!(expected.insert(key.clone()), "`{key}` names two texts");
        }
        let found = help_catalogue_keys(Lang::Vi);
        // The English text comes with each missing key, ready to translate.
        let missing: Vec<_> = texts
            .iter()
            .filter(|(key, _)| !found.contains(key))
            .map(|(key, text)| format!("{key} = {text}"))
            .chain(
                FIXED
                    .iter()
                    .filter(|key| !found.contains(**key))
                    .map(ToString::to_string),
            )
            .collect();
        let stale: Vec<_> = found.difference(&expected).collect();
        assert!(missing.is_empty(), "not in vi/help.ftl: {missing:#?}");
        assert!(
            stale.is_empty(),
            "in vi/help.ftl but not in the command line: {stale:#?}"
        );
    }

    /// Headings other than these would stay in English.
    #[test]
    fn every_heading_is_one_the_catalogue_knows() {
        fn visit(command: &Command) {
            let global = text(Lang::En, HEADING_GLOBAL);
            for arg in command.get_arguments() {
                let heading = arg.get_help_heading();
                assert!(
                    heading.is_none() || heading == Some(global.as_str()),
                    "`{}`: heading {heading:?}",
                    arg.get_id()
                );
            }
            if let Some(after) = command.get_after_help() {
                let after = after.to_string();
                assert_ne!(
                    examples_in(&after, Lang::Vi),
                    after,
                    "`{}`: examples under an unknown heading",
                    command.get_name()
                );
            }
            command.get_subcommands().for_each(visit);
        }
        visit(&Cli::command());
    }

    fn help_of(command: Command, args: &[&str]) -> String {
        let error = command
            .try_get_matches_from(std::iter::once("spotcheck").chain(args.iter().copied()))
            .expect_err("help ends parsing");
        assert_eq!(error.kind(), clap::error::ErrorKind::DisplayHelp);
        error.to_string()
    }

    #[test]
    fn vietnamese_help_is_in_vietnamese_with_the_same_names() {
        let root = localized(Cli::command(), Lang::Vi)
            .render_help()
            .to_string();
        for expected in [
            "Cách dùng: spotcheck [OPTIONS] [COMMAND]",
            "Lệnh:",
            "Tùy chọn:",
            "Tùy chọn chung:",
            "Bắt đầu, kết thúc, liệt kê, xem, sửa hoặc hủy các lượt kiểm tra",
            "In trợ giúp này hoặc trợ giúp của lệnh được nêu",
            "In trợ giúp (xem đầy đủ với '--help')",
            "[mặc định: table] [giá trị có thể",
            "Một ngày kiểm tra:\n  spotcheck unit add tam-dai",
            "  visit ",
            "--lang <LANG>",
        ] {
            assert!(root.contains(expected), "no {expected:?} in\n{root}");
        }
        for english in [
            "Usage:",
            "Commands:",
            "Options:",
            "Print help",
            "A field day:",
        ] {
            assert!(!root.contains(english), "{english:?} in\n{root}");
        }

        let long = help_of(
            localized(Cli::command(), Lang::Vi),
            &["visit", "start", "--help"],
        );
        for expected in [
            "Cách dùng: spotcheck visit start [OPTIONS] <UNIT>",
            "Tham số:\n  <UNIT>",
            "Bắt đầu một lượt kiểm tra",
            "--at <DATETIME>",
            "--announced",
            "Lượt kiểm tra có báo trước (mặc định: đột xuất)",
            "Giá trị có thể dùng:",
            "- table: Bảng có khung",
            "[mặc định: table]",
            "In trợ giúp (xem bản tóm tắt với '-h')",
            "Ví dụ:\n  spotcheck visit start tam-dai",
        ] {
            assert!(long.contains(expected), "no {expected:?} in\n{long}");
        }
        for english in [
            "Usage:",
            "Arguments:",
            "Options:",
            "Possible values",
            "[default:",
            "Examples:",
            "When the visit started",
        ] {
            assert!(!long.contains(english), "{english:?} in\n{long}");
        }
        // Arguments keep their order under a heading of their own.
        let add = help_of(
            localized(Cli::command(), Lang::Vi),
            &["person", "add", "-h"],
        );
        assert!(add.find("<UNIT>") < add.find("<NAME>"), "{add}");
    }

    #[test]
    fn the_help_command_and_flags_work_in_vietnamese() {
        let via_command = help_of(
            localized(Cli::command(), Lang::Vi),
            &["help", "visit", "start"],
        );
        let via_flag = help_of(
            localized(Cli::command(), Lang::Vi),
            &["visit", "start", "--help"],
        );
        assert_eq!(via_command, via_flag);
        let short = help_of(localized(Cli::command(), Lang::Vi), &["-h"]);
        assert!(short.starts_with("spotcheck — sổ kiểm tra"), "{short}");
        assert!(!short.contains("Ghi lại các lượt kiểm tra"), "{short}");
        let long = help_of(localized(Cli::command(), Lang::Vi), &["--help"]);
        assert!(long.contains("Ghi lại các lượt kiểm tra"), "{long}");

        let version = localized(Cli::command(), Lang::Vi)
            .try_get_matches_from(["spotcheck", "-V"])
            .expect_err("version ends parsing");
        assert_eq!(version.kind(), clap::error::ErrorKind::DisplayVersion);

        let matches = localized(Cli::command(), Lang::Vi)
            .try_get_matches_from([
                "spotcheck",
                "--format=csv",
                "visit",
                "start",
                "tam-dai",
                "--at",
                "7h40",
                "--announced",
            ])
            .expect("a valid command line");
        let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&matches).expect("parsed");
        assert_eq!(cli.global.format, crate::render::Format::Csv);
        assert!(matches!(
            cli.command,
            Some(crate::cli::Command::Visit(crate::cli::VisitCommand::Start(ref start)))
                if start.announced && start.at.as_deref() == Some("7h40")
        ));
    }

    /// Every command's help, as `-h` and as `--help`, in English.
    #[test]
    fn english_help_is_left_as_it_is() {
        fn paths(command: &Command, path: Vec<String>, into: &mut Vec<Vec<String>>) {
            into.push(path.clone());
            for sub in command.get_subcommands() {
                let mut sub_path = path.clone();
                sub_path.push(sub.get_name().to_string());
                paths(sub, sub_path, into);
            }
        }
        let mut all = Vec::new();
        paths(&Cli::command(), Vec::new(), &mut all);
        assert!(all.len() > 30, "{all:?}");
        for path in all {
            for flag in ["-h", "--help"] {
                let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
                args.push(flag);
                assert_eq!(
                    help_of(localized(Cli::command(), Lang::En), &args),
                    help_of(Cli::command(), &args),
                    "{args:?}"
                );
            }
        }
    }

    /// `localized` builds the tree once the texts are in place, which runs
    /// clap's checks on nothing; they run here on the tree before building.
    #[test]
    fn vietnamese_help_passes_clap_checks() {
        translated(Cli::command(), Lang::Vi).debug_assert();
        localized(Cli::command(), Lang::Vi).debug_assert();
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("spotcheck")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_lang_flag_chooses_the_help_language_anywhere_on_the_line() {
        assert_eq!(
            lang_from_args(&args(&["--lang", "vi", "--help"]), &Default::default()),
            Lang::Vi
        );
        assert_eq!(
            lang_from_args(
                &args(&["visit", "start", "-h", "--lang=vi"]),
                &Default::default()
            ),
            Lang::Vi
        );
        assert_eq!(
            lang_from_args(
                &args(&["--lang", "vi", "--lang", "en"]),
                &Default::default()
            ),
            Lang::En
        );
        assert_eq!(
            lang_from_args(&args(&["--lang=VI"]), &Default::default()),
            Lang::Vi
        );
    }
}
