//! The console examples of the README and of every guide in `docs/` are run
//! and compared with what they say spotcheck prints, so the manual cannot drift
//! from the program.
//!
//! In a ```` ```console ```` block, a line starting with `$ ` is a command and
//! the lines after it, up to the next `$ ` line or the end of the block, are
//! what it prints (standard output and standard error as a terminal shows
//! them, in the order they are written); blank lines at the end of an output
//! only separate it from the next command. A command whose output has an
//! `error:` (or `lỗi:`) line must fail; any other must succeed.
//!
//! Each Markdown file runs in a folder of its own, with a home of its own, the
//! clock of `support::NOW` and the time zone of Vietnam, its commands in order,
//! so a guide builds its own logbook as a reader following it would. The
//! folder holds a copy of `examples/tour.toml`, as the repository does.
//!
//! The few shell forms the examples need are understood: quotes, a `\` at the
//! end of a line, `# comments`, `export NAME=VALUE…`, `unset NAME…`,
//! `NAME=VALUE spotcheck …`, `alias spotcheck='spotcheck …'`, `unalias spotcheck`, `cat FILE`,
//! `mkdir DIR`, and after a spotcheck command `< FILE`, `> /dev/null`,
//! `| head -N` and `| tail -N`. Anything else is refused, so an example
//! cannot silently go unchecked.
//!
//! Comments in the Markdown, invisible to a reader, set the scene:
//! - `<!-- clock: 2022-05-12T07:20 -->` moves the clock for what follows;
//! - `<!-- file: NAME -->` before a fenced block writes the block to NAME;
//! - `<!-- setup: OTHER.md -->` starts from the folder OTHER.md (a path from
//!   the repository's root) leaves behind, its commands run unchecked;
//! - `<!-- not run: REASON -->` before a block says why it is not run. Every
//!   block that shows a `$ ` command is either a console block or has one.
//!
//! Uids and seals are random, so 32 and 64 hex digits are compared up to a
//! consistent renaming: the first uid a file shows stands for the first one
//! the run prints, and so on. A uid or a prefix of one typed in a command is
//! replaced by the run's own.
//!
//! `SPOTCHECK_DOCS_BLESS=1 cargo test --test cli docs` writes what the
//! commands print into the files instead of failing, for review with
//! `git diff`.

use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::support::Logbook;

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files whose examples are checked: the README and the guides.
fn doc_files() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md")];
    for language in ["en", "vi"] {
        let dir = root().join("docs").join(language);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .filter_map(|p| p.strip_prefix(root()).ok().map(Path::to_path_buf))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// One step of a Markdown file, in the order of the file.
#[derive(Debug)]
enum Step {
    Clock(String),
    File {
        name: String,
        text: String,
    },
    Command {
        /// The 1-based line of the `$ ` line.
        line: usize,
        text: String,
        /// The lines of the expected output, and the line of the first.
        expected: Vec<String>,
        first: usize,
        /// Lines of the file the output occupies, to rewrite when blessing.
        span: (usize, usize),
    },
}

struct Parsed {
    setup: Vec<String>,
    steps: Vec<Step>,
    /// Blocks marked not run, and blocks run.
    skipped: usize,
    blocks: usize,
}

fn comment(line: &str, key: &str) -> Option<String> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let rest = inner.strip_prefix(key)?.strip_prefix(':')?;
    Some(rest.trim().to_string())
}

fn parse(file: &str, text: &str) -> Parsed {
    let lines: Vec<&str> = text.lines().collect();
    let mut parsed = Parsed {
        setup: Vec::new(),
        steps: Vec::new(),
        skipped: 0,
        blocks: 0,
    };
    let mut i = 0;
    // The comment just before a fence, blank lines aside.
    let mut pending_file: Option<String> = None;
    let mut pending_skip: Option<String> = None;
    while i < lines.len() {
        let line = lines[i];
        if let Some(now) = comment(line, "clock") {
            parsed.steps.push(Step::Clock(now));
        } else if let Some(other) = comment(line, "setup") {
            parsed.setup.push(other);
        } else if let Some(name) = comment(line, "file") {
            pending_file = Some(name);
        } else if let Some(reason) = comment(line, "not run") {
            assert!(
                !reason.is_empty(),
                "{file}:{}: a block not run says why",
                i + 1
            );
            pending_skip = Some(reason);
        } else if let Some(info) = line.trim_start().strip_prefix("```") {
            let fence = &line[..line.len() - info.len()];
            let info = info.trim().to_string();
            let start = i;
            i += 1;
            let body_start = i;
            while i < lines.len() && lines[i].trim_start() != fence.trim_start() {
                i += 1;
            }
            assert!(
                i < lines.len(),
                "{file}:{}: a block is never closed",
                start + 1
            );
            let body = &lines[body_start..i];
            if let Some(name) = pending_file.take() {
                let mut text = body.join("\n");
                text.push('\n');
                parsed.steps.push(Step::File { name, text });
            } else if pending_skip.take().is_some() {
                parsed.skipped += 1;
            } else if info == "console" {
                parsed.blocks += 1;
                read_block(file, body, body_start, &mut parsed.steps);
            } else {
                assert!(
                    !body.iter().any(|l| l.starts_with("$ ")),
                    "{file}:{}: a block of commands is a ```console block, or says why it \
                     is not run with <!-- not run: REASON --> before it",
                    start + 1
                );
            }
        } else if !line.trim().is_empty() {
            pending_file = None;
            pending_skip = None;
        }
        i += 1;
    }
    parsed
}

/// The commands of one console block whose first line is line `offset` + 1.
fn read_block(file: &str, body: &[&str], offset: usize, steps: &mut Vec<Step>) {
    let mut j = 0;
    assert!(
        body.first().is_some_and(|l| l.starts_with("$ ")),
        "{file}:{}: a console block starts with a `$ ` command",
        offset + 1
    );
    while j < body.len() {
        let line = offset + j + 1;
        let mut text = body[j]["$ ".len()..].to_string();
        while text.ends_with('\\') && j + 1 < body.len() {
            text.pop();
            j += 1;
            text.push_str(body[j].trim_start());
        }
        j += 1;
        let first = offset + j + 1;
        let from = j;
        while j < body.len() && !body[j].starts_with("$ ") {
            j += 1;
        }
        let mut expected: Vec<String> = body[from..j].iter().map(|s| s.to_string()).collect();
        while expected.last().is_some_and(|l| l.is_empty()) {
            expected.pop();
        }
        let span = (offset + from, offset + from + expected.len());
        steps.push(Step::Command {
            line,
            text,
            expected,
            first,
            span,
        });
    }
}

/// Shell words: quotes, backslashes, and a `#` comment after a blank.
fn words(file: &str, line: usize, text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\' | '$' | '`')) => {
                            word.extend(chars.next());
                        }
                        '$' if chars
                            .peek()
                            .is_some_and(|c| c.is_alphanumeric() || "_{(".contains(*c)) =>
                        {
                            panic!("{file}:{line}: no shell expansion in examples")
                        }
                        '`' => panic!("{file}:{line}: no shell expansion in examples"),
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            '#' if !in_word => break,
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '$' | '`' | '*' | '?' | ';' | '&' => {
                panic!("{file}:{line}: no shell expansion or lists in examples: {text}")
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Uids (32 hex digits) and seals (64) of a text, in order.
fn hex_tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let token = &text[start..i];
            let hex = token
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if hex && (token.len() == 32 || token.len() == 64) {
                tokens.push(token);
            }
        } else {
            i += 1;
        }
    }
    tokens
}

/// Uids and seals numbered by first appearance, one numbering per side.
#[derive(Default, Clone)]
struct Names {
    doc: BTreeMap<String, usize>,
    run: BTreeMap<String, usize>,
    run_by_number: BTreeMap<usize, String>,
}

impl Names {
    /// Uids and seals are numbered apart (even numbers for uids, odd for
    /// seals), so a uid never stands for a seal.
    fn number(map: &mut BTreeMap<String, usize>, token: &str) -> usize {
        if let Some(n) = map.get(token) {
            return *n;
        }
        let kind = usize::from(token.len() == 64);
        let next = map.values().filter(|n| *n % 2 == kind).count() * 2 + kind;
        map.insert(token.to_string(), next);
        next
    }

    /// The text with each uid or seal replaced by `<n>`.
    fn normal(map: &mut BTreeMap<String, usize>, text: &str) -> String {
        let mut out = text.to_string();
        for token in hex_tokens(text) {
            let n = Self::number(map, token);
            out = out.replacen(token, &format!("<{n}>"), 1);
        }
        out
    }

    fn learn_run(&mut self, text: &str) {
        for token in hex_tokens(text) {
            let n = Self::number(&mut self.run, token);
            self.run_by_number.insert(n, token.to_string());
        }
    }

    /// A word of a command with the documented uid (or its prefix of at
    /// least 8 hex digits) replaced by the run's uid of the same number.
    fn translate(&self, word: &str) -> String {
        if word.len() < 8 || !word.bytes().all(|b| b.is_ascii_hexdigit()) {
            return word.to_string();
        }
        let matches: Vec<usize> = self
            .doc
            .iter()
            .filter(|(uid, _)| uid.starts_with(word))
            .map(|(_, n)| *n)
            .collect();
        match matches.as_slice() {
            [n] => match self.run_by_number.get(n) {
                Some(run) => run[..word.len()].to_string(),
                None => word.to_string(),
            },
            _ => word.to_string(),
        }
    }
}

/// What the folder of one file and its shell state are.
struct Shell {
    logbook: Logbook,
    env: BTreeMap<String, Option<String>>,
    alias: Vec<String>,
    names: Names,
}

/// The result of one command: its output lines, and whether it succeeded.
struct Ran {
    lines: Vec<String>,
    ok: bool,
}

impl Shell {
    fn new() -> Shell {
        // The examples are typed on a plain logbook, as a reader starts one;
        // the page on encryption encrypts its own.
        let logbook = Logbook::new()
            .unencrypted()
            .without_db_flag()
            .without_env("SPOTCHECK_BY");
        let examples = logbook.path("examples");
        std::fs::create_dir_all(&examples).expect("the examples folder");
        std::fs::copy(
            root().join("examples/tour.toml"),
            examples.join("tour.toml"),
        )
        .expect("a copy of examples/tour.toml");
        Shell {
            logbook,
            env: BTreeMap::new(),
            alias: Vec::new(),
            names: Names::default(),
        }
    }

    fn run(&mut self, file: &str, line: usize, text: &str) -> Ran {
        let at = format!("{file}:{line}");
        let mut words = words(file, line, text);
        let Some(first) = words.first().cloned() else {
            panic!("{at}: an empty command");
        };
        match first.as_str() {
            "export" | "unset" => {
                for word in &words[1..] {
                    if first == "export" {
                        let (key, value) = word
                            .split_once('=')
                            .unwrap_or_else(|| panic!("{at}: export NAME=VALUE"));
                        self.env.insert(key.to_string(), Some(value.to_string()));
                    } else {
                        self.env.insert(word.clone(), None);
                    }
                }
                return Ran {
                    lines: Vec::new(),
                    ok: true,
                };
            }
            "alias" => {
                let definition = words[1..].join(" ");
                let body = definition
                    .strip_prefix("spotcheck=")
                    .unwrap_or_else(|| panic!("{at}: only spotcheck is aliased"));
                let alias = self::words(file, line, body);
                assert_eq!(alias.first().map(String::as_str), Some("spotcheck"), "{at}");
                self.alias = alias[1..].to_vec();
                return Ran {
                    lines: Vec::new(),
                    ok: true,
                };
            }
            "unalias" => {
                self.alias.clear();
                return Ran {
                    lines: Vec::new(),
                    ok: true,
                };
            }
            "cat" => {
                assert_eq!(words.len(), 2, "{at}: cat FILE");
                let text = std::fs::read_to_string(self.logbook.path(&words[1]))
                    .unwrap_or_else(|e| panic!("{at}: cat {}: {e}", words[1]));
                return Ran {
                    lines: text.lines().map(str::to_string).collect(),
                    ok: true,
                };
            }
            "mkdir" => {
                for dir in &words[1..] {
                    std::fs::create_dir_all(self.logbook.path(dir)).expect("mkdir");
                }
                return Ran {
                    lines: Vec::new(),
                    ok: true,
                };
            }
            _ => {}
        }
        // NAME=VALUE before the command.
        let mut env = Vec::new();
        while words.first().is_some_and(|w| w.contains('=')) {
            let word = words.remove(0);
            if let Some((key, value)) = word.split_once('=') {
                env.push((key.to_string(), value.to_string()));
            }
        }
        assert_eq!(
            words.first().map(String::as_str),
            Some("spotcheck"),
            "{at}: only spotcheck commands are run: {text}"
        );
        words.remove(0);
        // Redirections and one pipe at the end.
        let mut input = None;
        let mut quiet = false;
        let mut keep: Option<(bool, usize)> = None;
        if let Some(bar) = words.iter().position(|w| w == "|") {
            let filter: Vec<&str> = words[bar + 1..].iter().map(String::as_str).collect();
            let count = |n: &str| {
                n.strip_prefix('-')
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("{at}: head -N or tail -N"))
            };
            keep = match filter.as_slice() {
                ["head", n] => Some((true, count(n))),
                ["tail", n] => Some((false, count(n))),
                _ => panic!("{at}: only `| head -N` and `| tail -N` are understood"),
            };
            words.truncate(bar);
        }
        while words.len() >= 2 {
            let n = words.len();
            match words[n - 2].as_str() {
                "<" => input = Some(words[n - 1].clone()),
                ">" if words[n - 1] == "/dev/null" => quiet = true,
                ">" | ">>" | "2>" | "2>&1" => panic!("{at}: write files with `-o`"),
                _ => break,
            }
            words.truncate(n - 2);
        }
        let args: Vec<String> = self
            .alias
            .iter()
            .cloned()
            .chain(words.iter().map(|w| self.names.translate(w)))
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut command = self.logbook.command(&args);
        for (key, value) in &self.env {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        for (key, value) in &env {
            command.env(key, value);
        }
        if let Some(name) = &input {
            let file = std::fs::File::open(self.logbook.path(name))
                .unwrap_or_else(|e| panic!("{at}: < {name}: {e}"));
            command.stdin(Stdio::from(file));
        }
        // One file for both streams keeps the order a terminal shows; a pipe
        // or /dev/null takes standard output alone.
        let mut both = tempfile::tempfile().expect("a temporary file");
        let mut apart = tempfile::tempfile().expect("a temporary file");
        command.stderr(Stdio::from(both.try_clone().expect("a second handle")));
        if quiet {
            command.stdout(Stdio::null());
        } else if keep.is_some() {
            command.stdout(Stdio::from(apart.try_clone().expect("a second handle")));
        } else {
            command.stdout(Stdio::from(both.try_clone().expect("a second handle")));
        }
        let status = command
            .status()
            .unwrap_or_else(|e| panic!("{at}: running spotcheck: {e}"));
        let read = |f: &mut std::fs::File| {
            let mut text = String::new();
            f.rewind().expect("rewinding the output");
            f.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{at}: the output is not UTF-8: {e}"));
            text
        };
        let mut lines: Vec<String> = read(&mut both).lines().map(str::to_string).collect();
        if let Some((head, n)) = keep {
            let out = read(&mut apart);
            let out: Vec<&str> = out.lines().collect();
            let kept = if head {
                &out[..n.min(out.len())]
            } else {
                &out[out.len().saturating_sub(n)..]
            };
            lines.extend(kept.iter().map(|s| s.to_string()));
        }
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        Ran {
            lines,
            ok: status.success(),
        }
    }
}

/// What running one file found: the first difference, if any.
struct Report {
    commands: usize,
    blocks: usize,
    skipped: usize,
    failure: Option<String>,
}

fn run_file(file: &str, done: &BTreeMap<String, (PathBuf, Names)>, bless: bool) -> (Report, Shell) {
    let text = std::fs::read_to_string(root().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let parsed = parse(file, &text);
    let mut shell = Shell::new();
    for other in &parsed.setup {
        let folder = done
            .get(other)
            .unwrap_or_else(|| panic!("{file}: setup {other} has not run"));
        copy_folder(&folder.0, shell.logbook.dir());
        // The uids and seals other showed stand for the same records here.
        shell.names = folder.1.clone();
        // The scene other left: its clock, environment and alias too.
        let (env, alias, now) = scene(other);
        shell.env = env;
        shell.alias = alias;
        if let Some(now) = now {
            shell.env.insert("SPOTCHECK_NOW".into(), Some(now));
        }
    }
    let mut report = Report {
        commands: 0,
        blocks: parsed.blocks,
        skipped: parsed.skipped,
        failure: None,
    };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut rewrites: Vec<((usize, usize), Vec<String>)> = Vec::new();
    for step in &parsed.steps {
        match step {
            Step::Clock(now) => {
                shell.env.insert("SPOTCHECK_NOW".into(), Some(now.clone()));
            }
            Step::File { name, text } => {
                let path = shell.logbook.path(name);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).expect("the folder of a file");
                }
                // A uid the guide showed before stands for the run's own.
                let mut text = text.clone();
                for token in hex_tokens(&text.clone()) {
                    text = text.replace(token, &shell.names.translate(token));
                }
                std::fs::write(path, text).expect("writing a file of the examples");
            }
            Step::Command {
                line,
                text,
                expected,
                first,
                span,
            } => {
                report.commands += 1;
                let expected_text = expected.join("\n");
                Names::normal(&mut shell.names.doc, &expected_text);
                let ran = shell.run(file, *line, text);
                let actual_text = ran.lines.join("\n");
                shell.names.learn_run(&actual_text);
                let want = Names::normal(&mut shell.names.doc.clone(), &expected_text);
                let mut run_names = shell.names.run.clone();
                let got = Names::normal(&mut run_names, &actual_text);
                let should_fail = expected
                    .iter()
                    .any(|l| l.starts_with("error:") || l.starts_with("lỗi:"));
                if want == got && ran.ok != should_fail {
                    continue;
                }
                if bless && want != got {
                    // Uids and seals the file showed before keep their spelling.
                    let by_number: BTreeMap<usize, &String> =
                        shell.names.doc.iter().map(|(t, n)| (*n, t)).collect();
                    let lines = ran
                        .lines
                        .iter()
                        .map(|line| {
                            let mut line = line.clone();
                            for token in hex_tokens(&line.clone()) {
                                let known =
                                    shell.names.run.get(token).and_then(|n| by_number.get(n));
                                if let Some(doc) = known {
                                    line = line.replace(token, doc);
                                }
                            }
                            line
                        })
                        .collect();
                    rewrites.push((*span, lines));
                    continue;
                }
                let want_lines: Vec<&str> = want.lines().collect();
                let got_lines: Vec<&str> = got.lines().collect();
                let k = want_lines
                    .iter()
                    .zip(&got_lines)
                    .take_while(|(a, b)| a == b)
                    .count();
                let message = if want != got {
                    format!(
                        "{file}:{}: `$ {text}` prints otherwise\n  expected: {:?}\n  printed:  {:?}\n--- everything it printed ---\n{actual_text}\n---",
                        first + k,
                        want_lines.get(k).unwrap_or(&"(nothing more)"),
                        got_lines.get(k).unwrap_or(&"(nothing more)"),
                    )
                } else {
                    format!(
                        "{file}:{line}: `$ {text}` {}\n{actual_text}",
                        if ran.ok {
                            "succeeds, but its output shows an error"
                        } else {
                            "fails, but its output shows no `error:` line"
                        }
                    )
                };
                report.failure = Some(message);
                break;
            }
        }
    }
    if bless && !rewrites.is_empty() {
        for ((from, to), new) in rewrites.into_iter().rev() {
            let mut new = new;
            // Keep the blank line that separates it from the next command.
            if to == from && lines.get(from).is_some_and(|l| l.starts_with("$ ")) {
                new.push(String::new());
            }
            lines.splice(from..to, new);
        }
        let mut out = lines.join("\n");
        out.push('\n');
        std::fs::write(root().join(file), out).expect("blessing the file");
    }
    (report, shell)
}

/// The environment, alias and clock a file's commands leave in force.
fn scene(
    file: &str,
) -> (
    BTreeMap<String, Option<String>>,
    Vec<String>,
    Option<String>,
) {
    let text = std::fs::read_to_string(root().join(file)).expect("the setup file");
    let parsed = parse(file, &text);
    let mut env = BTreeMap::new();
    let mut alias = Vec::new();
    let mut now = None;
    for other in &parsed.setup {
        (env, alias, now) = scene(other);
    }
    for step in parsed.steps {
        match step {
            Step::Clock(at) => now = Some(at),
            Step::Command { line, text, .. } => {
                let w = words(file, line, &text);
                match w.first().map(String::as_str) {
                    Some("export") => {
                        for word in &w[1..] {
                            if let Some((k, v)) = word.split_once('=') {
                                env.insert(k.to_string(), Some(v.to_string()));
                            }
                        }
                    }
                    Some("unset") => {
                        for word in &w[1..] {
                            env.insert(word.clone(), None);
                        }
                    }
                    Some("unalias") => alias.clear(),
                    Some("alias") => {
                        let definition = w[1..].join(" ");
                        if let Some(body) = definition.strip_prefix("spotcheck=") {
                            alias = words(file, line, body).into_iter().skip(1).collect();
                        }
                    }
                    _ => {}
                }
            }
            Step::File { .. } => {}
        }
    }
    (env, alias, now)
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the folder of a setup") {
        let entry = entry.expect("an entry of a setup folder");
        let target = to.join(entry.file_name());
        let kind = entry.file_type().expect("its type");
        if kind.is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
            copy_folder(&entry.path(), &target);
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

/// What running a group of files found.
#[derive(Default)]
struct Totals {
    commands: usize,
    blocks: usize,
    skipped: usize,
    failures: Vec<String>,
    folders: Vec<String>,
}

/// Runs `files` (with the files they start from) one after the other.
fn run_group(mut waiting: Vec<(String, Vec<String>)>, bless: bool, keep: bool) -> Totals {
    let mut done: BTreeMap<String, (PathBuf, Names)> = BTreeMap::new();
    let mut shells = Vec::new();
    let mut totals = Totals::default();
    while !waiting.is_empty() {
        let ready = waiting
            .iter()
            .position(|(_, setup)| setup.iter().all(|s| done.contains_key(s)))
            .unwrap_or_else(|| panic!("the setups of {:?} never run", waiting[0].0));
        let (file, _) = waiting.remove(ready);
        let (report, shell) = run_file(&file, &done, bless);
        totals.commands += report.commands;
        totals.blocks += report.blocks;
        totals.skipped += report.skipped;
        totals.failures.extend(report.failure);
        totals
            .folders
            .push(format!("{file}: {}", shell.logbook.dir().display()));
        done.insert(
            file,
            (shell.logbook.dir().to_path_buf(), shell.names.clone()),
        );
        // Kept alive so a later file can start from this one's folder.
        shells.push(shell);
    }
    if keep {
        std::mem::forget(shells);
    }
    totals
}

#[test]
// The counts and the time are the test's report; the folders are what
// SPOTCHECK_DOCS_KEEP asks for.
#[allow(clippy::print_stderr)]
fn every_console_example_prints_what_the_docs_say() {
    let started = Instant::now();
    let bless = std::env::var_os("SPOTCHECK_DOCS_BLESS").is_some();
    // SPOTCHECK_DOCS_KEEP=1 leaves the folders behind, to try an example by hand.
    let keep = std::env::var_os("SPOTCHECK_DOCS_KEEP").is_some();
    // A file runs after the files it starts from.
    let mut waiting: Vec<(String, Vec<String>)> = doc_files()
        .into_iter()
        .map(|path| {
            let file = path.to_string_lossy().to_string();
            let text = std::fs::read_to_string(root().join(&file)).expect("a doc file");
            let setup = parse(&file, &text).setup;
            (file, setup)
        })
        .collect();
    // SPOTCHECK_DOCS_ONLY=PART runs only the files whose path holds PART, and
    // the files they start from.
    if let Some(only) = std::env::var_os("SPOTCHECK_DOCS_ONLY") {
        let only = only.to_string_lossy().to_string();
        let mut wanted: Vec<String> = waiting
            .iter()
            .filter(|(file, _)| file.contains(&only))
            .map(|(file, _)| file.clone())
            .collect();
        let mut k = 0;
        while k < wanted.len() {
            let setups = waiting
                .iter()
                .find(|(file, _)| *file == wanted[k])
                .map(|(_, setup)| setup.clone())
                .unwrap_or_default();
            for setup in setups {
                if !wanted.contains(&setup) {
                    wanted.push(setup);
                }
            }
            k += 1;
        }
        waiting.retain(|(file, _)| wanted.contains(file));
    }
    // A guide starts only from guides of its own folder, so each folder is a
    // group of its own, and the groups run side by side.
    let mut groups: BTreeMap<String, Vec<(String, Vec<String>)>> = BTreeMap::new();
    for (file, setup) in waiting {
        let folder = Path::new(&file)
            .parent()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default();
        groups.entry(folder).or_default().push((file, setup));
    }
    let results: Vec<Totals> = std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .into_values()
            .map(|group| scope.spawn(move || run_group(group, bless, keep)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let (mut commands, mut blocks, mut skipped, mut failures) = (0, 0, 0, Vec::new());
    for totals in results {
        commands += totals.commands;
        blocks += totals.blocks;
        skipped += totals.skipped;
        failures.extend(totals.failures);
        if keep {
            for folder in totals.folders {
                eprintln!("{folder}");
            }
        }
    }
    eprintln!(
        "{commands} commands in {blocks} console blocks checked, {skipped} blocks not run, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_english_and_vietnamese_guides_are_the_same_files() {
    // The guide for inspectors has a name a reader of each language types.
    const OWN_NAMES: [(&str, &str); 1] = [("guide.md", "huong-dan.md")];
    let names = |language: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root().join("docs").join(language))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().to_string())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let english = names("en");
    assert!(!english.is_empty(), "docs/en holds the guides");
    let mut vietnamese: Vec<String> = names("vi")
        .into_iter()
        .map(|name| {
            OWN_NAMES
                .iter()
                .find(|(_, vi)| *vi == name)
                .map_or(name, |(en, _)| en.to_string())
        })
        .collect();
    vietnamese.sort();
    assert_eq!(english, vietnamese);
}

/// The anchors GitHub gives the headings of a Markdown file, outside its
/// fenced blocks: lowercase, punctuation dropped, spaces as dashes.
fn anchors(text: &str) -> Vec<String> {
    let mut anchors = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            let heading = line.trim_start_matches('#').trim();
            let anchor: String = heading
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                .map(|c| if c == ' ' { '-' } else { c })
                .collect();
            anchors.push(anchor);
        }
    }
    anchors
}

#[test]
fn relative_links_of_the_docs_lead_to_files_and_headings() {
    let files = doc_files()
        .into_iter()
        .chain(["RELIABILITY.md", "CHANGELOG.md"].map(PathBuf::from));
    for path in files {
        let text = std::fs::read_to_string(root().join(&path)).expect("a doc file");
        let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
        for (n, line) in text.lines().enumerate() {
            for target in line.split("](").skip(1) {
                let Some(end) = target.find(')') else {
                    continue;
                };
                let target = &target[..end];
                if target.starts_with("http") {
                    continue;
                }
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let linked = if file.is_empty() {
                    root().join(&path)
                } else {
                    root().join(&folder).join(file)
                };
                assert!(
                    linked.exists(),
                    "{}:{}: the link `{target}` leads nowhere",
                    path.display(),
                    n + 1
                );
                if !anchor.is_empty() {
                    let heads = std::fs::read_to_string(&linked)
                        .map(|t| anchors(&t))
                        .unwrap_or_default();
                    assert!(
                        heads.iter().any(|h| h == anchor),
                        "{}:{}: `{target}` names no heading of {}",
                        path.display(),
                        n + 1,
                        linked.display()
                    );
                }
            }
        }
    }
}
