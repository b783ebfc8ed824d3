//! The language spotcheck speaks: English or Vietnamese, with every message,
//! heading and label taken from the Fluent catalogues in `locales/`.
//!
//! Only what a person reads changes with the language. Column keys of CSV and
//! JSON, command and flag names, and the values stored in the logbook stay the
//! same, so scripts written against one language work in the other.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English
    #[default]
    En,
    /// Tiếng Việt
    Vi,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// `vi` or `en`, as typed in `SPOTCHECK_LANG` or the config's `lang`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale name such as `vi_VN.UTF-8`: Vietnamese
    /// for `vi…`, English for any other, since English is the fallback for
    /// languages without a catalogue.
    pub fn from_locale(name: &str) -> Lang {
        let language = name.split(['_', '.', '@', '-']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }
}

/// One catalogue file per area of the program, in both languages.
const CATALOGUES: &[(&str, &str, &str)] = &[
    (
        "main.ftl",
        include_str!("../locales/en/main.ftl"),
        include_str!("../locales/vi/main.ftl"),
    ),
    (
        "render.ftl",
        include_str!("../locales/en/render.ftl"),
        include_str!("../locales/vi/render.ftl"),
    ),
    (
        "report.ftl",
        include_str!("../locales/en/report.ftl"),
        include_str!("../locales/vi/report.ftl"),
    ),
    (
        "field.ftl",
        include_str!("../locales/en/field.ftl"),
        include_str!("../locales/vi/field.ftl"),
    ),
    (
        "input.ftl",
        include_str!("../locales/en/input.ftl"),
        include_str!("../locales/vi/input.ftl"),
    ),
    (
        "store.ftl",
        include_str!("../locales/en/store.ftl"),
        include_str!("../locales/vi/store.ftl"),
    ),
    (
        "exchange.ftl",
        include_str!("../locales/en/exchange.ftl"),
        include_str!("../locales/vi/exchange.ftl"),
    ),
    (
        "records.ftl",
        include_str!("../locales/en/records.ftl"),
        include_str!("../locales/vi/records.ftl"),
    ),
    (
        "people.ftl",
        include_str!("../locales/en/people.ftl"),
        include_str!("../locales/vi/people.ftl"),
    ),
    (
        "conflicts.ftl",
        include_str!("../locales/en/conflicts.ftl"),
        include_str!("../locales/vi/conflicts.ftl"),
    ),
    (
        "server.ftl",
        include_str!("../locales/en/server.ftl"),
        include_str!("../locales/vi/server.ftl"),
    ),
    (
        "keys.ftl",
        include_str!("../locales/en/keys.ftl"),
        include_str!("../locales/vi/keys.ftl"),
    ),
    (
        "help.ftl",
        include_str!("../locales/en/help.ftl"),
        include_str!("../locales/vi/help.ftl"),
    ),
];

/// The catalogue texts of one language, named by file.
pub fn catalogue_sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    CATALOGUES.iter().map(move |(name, en, vi)| {
        (
            *name,
            match lang {
                Lang::En => *en,
                Lang::Vi => *vi,
            },
        )
    })
}

thread_local! {
    // Per thread rather than per process, so that library callers (and tests)
    // running commands side by side can each speak their own language.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

thread_local! {
    static TEAM_WORD: Cell<&'static str> = const { Cell::new("to") };
}

/// The team's own word, `to` (tổ) or `doan` (đoàn), which every message may
/// choose by as `$team_word`: it comes from the config, and a message that
/// names the team should not have to be handed it at every call.
pub fn set_team_word(selector: &'static str) {
    TEAM_WORD.with(|word| word.set(selector));
}

/// Speak `lang` from now on, on this thread.
pub fn set(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The language of this thread.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    // Each language is parsed the first time it speaks, and only then: a
    // command that logs one finding should not pay for the other catalogue.
    static ENGLISH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static VIETNAMESE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::En => ENGLISH.get_or_init(|| build(Lang::En)),
        Lang::Vi => VIETNAMESE.get_or_init(|| build(Lang::Vi)),
    }
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("a valid language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks help right-to-left scripts; in a terminal they are
    // stray invisible characters that end up in copied text.
    bundle.set_use_isolating(false);
    for (name, source) in catalogue_sources(lang) {
        // The catalogues are compiled in and checked by the tests, so a
        // broken one is a bug of this build, not something a user can fix.
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{}/{name}: {errors:?}", lang.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{}/{name}: {errors:?}", lang.code()));
    }
    bundle
}

/// The message `key` in the current language, its `$variables` filled from `args`.
pub fn message(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    message_in(current(), key, args)
}

/// The message `key` in `lang`.
pub fn message_in(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        debug_assert!(false, "no message `{key}` in the {} catalogue", lang.code());
        return key.to_string();
    };
    let mut all = FluentArgs::new();
    for (name, value) in args.into_iter().flat_map(FluentArgs::iter) {
        all.set(name.to_string(), value.clone());
    }
    all.set("team_word", TEAM_WORD.with(Cell::get));
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&all), &mut errors);
    debug_assert!(errors.is_empty(), "message `{key}`: {errors:?}");
    text.into_owned()
}

/// Whether the current language has a message `key` (for headings that fall
/// back to the column key).
pub fn has(key: &str) -> bool {
    bundle(current()).has_message(key)
}

/// A value for a message argument: text as it is, numbers as numbers so that
/// the catalogue can choose a plural form.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// A message in the current language: `t!("key")` or `t!("key", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::message($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message($key, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::*;

    /// Every message of a catalogue with the variables it uses.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        messages_of(lang, |_| true)
    }

    /// The messages of the catalogue files `name` lets through.
    fn messages_of(lang: Lang, name_ok: fn(&str) -> bool) -> BTreeMap<String, BTreeSet<String>> {
        let mut all = BTreeMap::new();
        for (name, source) in catalogue_sources(lang).filter(|(name, _)| name_ok(name)) {
            let resource = fluent_syntax::parser::parse(source)
                .unwrap_or_else(|(_, errors)| panic!("{}/{name}: {errors:?}", lang.code()));
            for entry in resource.body {
                if let Entry::Message(message) = entry {
                    let mut variables = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        collect_variables(pattern, &mut variables);
                    }
                    let id = message.id.name.to_string();
                    assert!(
                        all.insert(id.clone(), variables).is_none(),
                        "`{id}` twice in the {} catalogue",
                        lang.code()
                    );
                }
            }
        }
        all
    }

    fn collect_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                collect_expression(expression, into);
            }
        }
    }

    fn collect_expression(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            Expression::Inline(inline) => collect_inline(inline, into),
            Expression::Select { selector, variants } => {
                collect_inline(selector, into);
                for variant in variants {
                    collect_variables(&variant.value, into);
                }
            }
        }
    }

    fn collect_inline(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => collect_expression(expression, into),
            _ => {}
        }
    }

    /// The help of the commands is English only in the doc comments of
    /// `cli.rs`, so `help.ftl` differs by design; `help.rs` checks it
    /// against the command tree instead.
    #[test]
    fn both_catalogues_have_the_same_messages_with_the_same_variables() {
        let english = messages_of(Lang::En, |name| name != "help.ftl");
        let vietnamese = messages_of(Lang::Vi, |name| name != "help.ftl");
        let only_en: Vec<_> = english
            .keys()
            .filter(|k| !vietnamese.contains_key(*k))
            .collect();
        let only_vi: Vec<_> = vietnamese
            .keys()
            .filter(|k| !english.contains_key(*k))
            .collect();
        assert!(only_en.is_empty(), "missing in Vietnamese: {only_en:?}");
        assert!(only_vi.is_empty(), "missing in English: {only_vi:?}");
        for (key, variables) in &english {
            // A translation may leave a number out ("một" instead of "1"), but
            // must not ask for a value the program does not give.
            // `$team_word` is given to every message, for the Vietnamese
            // that says tổ or đoàn where English says team.
            let extra: Vec<_> = vietnamese[key]
                .difference(variables)
                .filter(|v| v.as_str() != "team_word")
                .collect();
            assert!(
                extra.is_empty(),
                "`{key}`: Vietnamese uses {extra:?} that English does not"
            );
            let dropped: Vec<_> = variables
                .difference(&vietnamese[key])
                .filter(|v| v.as_str() != "count")
                .collect();
            assert!(
                dropped.is_empty(),
                "`{key}`: Vietnamese leaves out {dropped:?}"
            );
        }
    }

    /// Every `t!("key")` in the source names a message of both catalogues.
    #[test]
    fn every_key_the_program_asks_for_exists() {
        let known = messages(Lang::En);
        let mut missing = Vec::new();
        let mut used = 0;
        visit_sources(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
            &mut |path, text| {
                if path.ends_with("i18n.rs") {
                    return; // the macro's own documentation
                }
                for (at, _) in text.match_indices("t!(") {
                    // `format!("…")` and the like end in `t!(` too.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    // rustfmt may put the key on the next line.
                    let Some(rest) = text[at + 3..].trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let key = rest.split('"').next().unwrap_or_default();
                    used += 1;
                    if !known.contains_key(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            },
        );
        assert!(used > 0, "no t!(…) found: the scan is broken");
        assert!(
            missing.is_empty(),
            "keys not in the catalogues: {missing:#?}"
        );
    }

    fn visit_sources(dir: &Path, f: &mut dyn FnMut(&Path, &str)) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                visit_sources(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                f(&path, &std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    #[test]
    fn locale_names_choose_the_language() {
        assert_eq!(Lang::from_locale("vi_VN.UTF-8"), Lang::Vi);
        assert_eq!(Lang::from_locale("vi"), Lang::Vi);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("fr_FR"), Lang::En);
        assert_eq!(Lang::from_code(" VI "), Some(Lang::Vi));
        assert_eq!(Lang::from_code("vn"), None);
    }

    #[test]
    fn messages_fill_their_variables_in_each_language() {
        let mut args = FluentArgs::new();
        args.set("months", 3);
        assert_eq!(
            message_in(Lang::En, "report-repeat-heading", Some(&args)),
            "Repeat offenders (a finding in this period and another in the 3 months before)"
        );
        assert_eq!(
            message_in(Lang::Vi, "report-repeat-heading", Some(&args)),
            "Tái phạm (có vi phạm trong kỳ này và trong 3 tháng trước đó)"
        );
    }
}
