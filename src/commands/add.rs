//! `add`: a finding asked for one question at a time, for people who do not
//! remember the flags. The answers become the one-line commands a person
//! would type, which are then run exactly as typed and shown at the end, so
//! that `add` records what the one-line command records and teaches it.

use chrono::NaiveDateTime;

use crate::Ctx;
use crate::cli::Command;
use crate::error::{Error, Result};
use crate::input;
use crate::store::{Access, people, units, visits};

/// What the questions are asked through: the terminal, or a script in tests.
pub(crate) trait Ask {
    /// One of `choices`; its index.
    fn choose(&mut self, question: &str, choices: &[String]) -> Result<usize>;
    /// A line of text. An empty answer gives `default`; `suggestions` are
    /// offered as the person types. `None` when an optional question is
    /// left empty.
    fn text(
        &mut self,
        question: &str,
        default: Option<&str>,
        suggestions: &[String],
        required: bool,
    ) -> Result<Option<String>>;
    /// When a visit started: an empty answer gives `default`; an answer
    /// `visit start --at` would refuse is asked again, with the reason.
    fn start(&mut self, question: &str, default: &str, now: NaiveDateTime) -> Result<String>;
}

/// Why `visit start --at` would refuse `answer`, asked at `now`.
fn start_problem(answer: &str, now: NaiveDateTime) -> Option<String> {
    input::parse_start(answer, now).err().map(|e| e.to_string())
}

/// What the questions start from.
pub(crate) struct State {
    /// The unit of the visit under way, if one is.
    pub visiting: Option<String>,
    /// Every unit, as (code, name).
    pub units: Vec<(String, String)>,
    /// Every person, as (unit code, name).
    pub staff: Vec<(String, String)>,
    /// The time now, as `07:45`.
    pub now: String,
    /// The date and time now, when a visit the answers start began unless
    /// the person says otherwise.
    pub at: NaiveDateTime,
    /// Assigned tasks past their deadline and not done, as (unit code,
    /// number, text).
    pub overdue_tasks: Vec<(String, i64, String)>,
}

/// The kinds of finding asked about; `unfinished` only at a unit with an
/// overdue task.
const KINDS: [&str; 6] = ["late", "early", "absent", "overdue", "other", "unfinished"];

fn kind_label(kind: &str) -> String {
    match kind {
        "late" => t!("add-kind-late"),
        "early" => t!("add-kind-early"),
        "absent" => t!("add-kind-absent"),
        "overdue" => t!("add-kind-overdue"),
        "unfinished" => t!("add-kind-unfinished"),
        _ => t!("add-kind-other"),
    }
}

/// Why an absence was excused: "not excused", the breach, first.
const EXCUSES: [&str; 5] = ["", "leave", "business-trip", "sick", "other"];

fn excuse_label(excuse: &str) -> String {
    match excuse.parse::<crate::model::Excuse>() {
        Ok(excuse) => crate::i18n::message(excuse.name_key(), None),
        Err(_) => t!("add-not-excused"),
    }
}

/// The answer "none yet" first, then the ladder.
const ACTIONS: [&str; 6] = [
    "",
    "reported",
    "reminded",
    "criticised",
    "review",
    "discipline",
];

fn action_label(action: &str) -> String {
    match action {
        "reported" => t!("add-action-reported"),
        "reminded" => t!("add-action-reminded"),
        "criticised" => t!("add-action-criticised"),
        "review" => t!("add-action-review"),
        "discipline" => t!("add-action-discipline"),
        _ => t!("add-action-none"),
    }
}

/// The command lines, without `spotcheck`, that record the answers: a
/// `visit start` first when no visit is under way, then the finding.
pub(crate) fn plan(ask: &mut dyn Ask, state: &State) -> Result<Vec<Vec<String>>> {
    let mut lines = Vec::new();
    let unit = match &state.visiting {
        Some(unit) => unit.clone(),
        None => {
            if state.units.is_empty() {
                return Err(Error::input(t!("add-no-units")));
            }
            let choices: Vec<String> = state
                .units
                .iter()
                .map(|(code, name)| format!("{name} ({code})"))
                .collect();
            let index = ask.choose(&t!("add-which-unit"), &choices)?;
            let code = state.units[index].0.clone();
            let mut line = vec!["visit".into(), "start".into(), code.clone()];
            // Findings are often entered after the visit: its start is
            // asked, not assumed.
            let default = state.at.format("%d/%m/%Y %H:%M").to_string();
            let started = ask.start(&t!("add-visit-started"), &default, state.at)?;
            if started != default {
                line.extend(["--at".into(), started]);
            }
            lines.push(line);
            code
        }
    };
    let staff: Vec<String> = state
        .staff
        .iter()
        .filter(|(code, _)| *code == unit)
        .map(|(_, name)| name.clone())
        .collect();
    let tasks: Vec<&(String, i64, String)> = state
        .overdue_tasks
        .iter()
        .filter(|(code, _, _)| *code == unit)
        .collect();
    let kinds_here: Vec<&str> = KINDS
        .into_iter()
        .filter(|kind| *kind != "unfinished" || !tasks.is_empty())
        .collect();
    let kinds: Vec<String> = kinds_here.iter().map(|kind| kind_label(kind)).collect();
    let kind = kinds_here[ask.choose(&t!("add-what-found"), &kinds)?];
    let mut line = vec![kind.to_string()];
    let required =
        |ask: &mut dyn Ask, question: &str, default: Option<&str>, suggestions: &[String]| {
            ask.text(question, default, suggestions, true)
                .map(|answer| answer.unwrap_or_default())
        };
    match kind {
        "late" => {
            line.push(required(ask, &t!("add-who"), None, &staff)?);
            line.push("--arrived".into());
            line.push(required(ask, &t!("add-arrived-at"), Some(&state.now), &[])?);
        }
        "early" => {
            line.push(required(ask, &t!("add-who"), None, &staff)?);
            line.push("--left".into());
            line.push(required(ask, &t!("add-left-at"), Some(&state.now), &[])?);
        }
        "absent" => {
            line.push(required(ask, &t!("add-who"), None, &staff)?);
            if let Some(meeting) = ask.text(&t!("add-which-meeting"), None, &[], false)? {
                line.extend(["--meeting".into(), meeting]);
            }
            let excuses: Vec<String> = EXCUSES.iter().map(|e| excuse_label(e)).collect();
            let excuse = EXCUSES[ask.choose(&t!("add-excused"), &excuses)?];
            if !excuse.is_empty() {
                line.extend(["--excused".into(), excuse.into()]);
                if excuse == "other" {
                    line.push("--reason-given".into());
                    line.push(required(ask, &t!("add-reason-given"), None, &[])?);
                }
            }
        }
        "overdue" => {
            line.push(required(ask, &t!("add-file-ref"), None, &[])?);
            line.push("--due".into());
            line.push(required(ask, &t!("add-promised-on"), None, &[])?);
            if let Some(procedure) = ask.text(&t!("add-procedure"), None, &[], false)? {
                line.extend(["--procedure".into(), procedure]);
            }
            if let Some(officer) = ask.text(&t!("add-officer"), None, &staff, false)? {
                line.extend(["--officer".into(), officer]);
            }
            if let Some(apology) = ask.text(&t!("add-apology-on"), None, &[], false)? {
                line.extend(["--apology-on".into(), apology]);
            }
        }
        "unfinished" => {
            let choices: Vec<String> = tasks
                .iter()
                .map(|(_, number, text)| format!("#{number} {text}"))
                .collect();
            let index = ask.choose(&t!("add-which-task"), &choices)?;
            line.push(tasks[index].1.to_string());
        }
        _ => {
            line.push(required(ask, &t!("add-what-was-it"), None, &[])?);
            if let Some(person) = ask.text(&t!("add-who-optional"), None, &staff, false)? {
                line.extend(["--person".into(), person]);
            }
        }
    }
    let actions: Vec<String> = ACTIONS.iter().map(|action| action_label(action)).collect();
    let action = ACTIONS[ask.choose(&t!("add-action-taken"), &actions)?];
    if !action.is_empty() {
        line.extend(["--action".into(), action.into()]);
    }
    lines.push(line);
    Ok(lines)
}

/// A command line as a person would type it, quoting what needs it.
pub(crate) fn shown(args: &[String]) -> String {
    let mut text = String::from("spotcheck");
    for arg in args {
        text.push(' ');
        let plain = !arg.is_empty()
            && arg
                .chars()
                .all(|c| c.is_alphanumeric() || "-_.:/#".contains(c));
        if plain {
            text.push_str(arg);
        } else {
            text.push('"');
            text.push_str(&arg.replace('\\', "\\\\").replace('"', "\\\""));
            text.push('"');
        }
    }
    text
}

/// Asks on the terminal, with inquire.
struct Terminal;

/// How inquire draws a question, with its words in the reader's language:
/// what it shows of an answer given up.
fn drawn(canceled: &str) -> inquire::ui::RenderConfig<'_> {
    inquire::ui::RenderConfig::default()
        .with_canceled_prompt_indicator(inquire::ui::Styled::new(canceled))
}

impl Ask for Terminal {
    fn choose(&mut self, question: &str, choices: &[String]) -> Result<usize> {
        let (canceled, help) = (t!("add-canceled"), t!("add-help-choose"));
        inquire::Select::new(question, choices.to_vec())
            .with_render_config(drawn(&canceled))
            .with_help_message(&help)
            .raw_prompt()
            .map(|choice| choice.index)
            .map_err(stopped)
    }

    fn text(
        &mut self,
        question: &str,
        default: Option<&str>,
        suggestions: &[String],
        required: bool,
    ) -> Result<Option<String>> {
        let (canceled, help) = (t!("add-canceled"), t!("add-help-names"));
        let mut prompt = inquire::Text::new(question).with_render_config(drawn(&canceled));
        if let Some(default) = default {
            prompt = prompt.with_default(default);
        }
        if !suggestions.is_empty() {
            prompt = prompt
                .with_autocomplete(Staff(suggestions.to_vec()))
                .with_help_message(&help);
        }
        if required {
            prompt = prompt.with_validator(inquire::validator::ValueRequiredValidator::new(t!(
                "add-answer-needed"
            )));
        }
        let answer = prompt.prompt().map_err(stopped)?;
        let answer = answer.trim().to_string();
        Ok((!answer.is_empty()).then_some(answer))
    }

    fn start(&mut self, question: &str, default: &str, now: NaiveDateTime) -> Result<String> {
        Terminal::started(question, default, now)
    }
}

impl Terminal {
    fn started(question: &str, default: &str, now: NaiveDateTime) -> Result<String> {
        let canceled = t!("add-canceled");
        let answer = inquire::Text::new(question)
            .with_render_config(drawn(&canceled))
            .with_default(default)
            .with_validator(move |answer: &str| {
                Ok(match start_problem(answer, now) {
                    Some(problem) => inquire::validator::Validation::Invalid(problem.into()),
                    None => inquire::validator::Validation::Valid,
                })
            })
            .prompt()
            .map_err(stopped)?;
        Ok(answer.trim().to_string())
    }
}

/// Names offered as the person types, matched without accents.
#[derive(Clone)]
struct Staff(Vec<String>);

impl inquire::Autocomplete for Staff {
    fn get_suggestions(
        &mut self,
        input: &str,
    ) -> std::result::Result<Vec<String>, inquire::CustomUserError> {
        let typed = crate::fold::fold(input);
        Ok(self
            .0
            .iter()
            .filter(|name| crate::fold::fold(name).contains(&typed))
            .take(8)
            .cloned()
            .collect())
    }

    fn get_completion(
        &mut self,
        _input: &str,
        highlighted: Option<String>,
    ) -> std::result::Result<inquire::autocompletion::Replacement, inquire::CustomUserError> {
        Ok(highlighted)
    }
}

fn stopped(e: inquire::InquireError) -> Error {
    match e {
        inquire::InquireError::OperationCanceled | inquire::InquireError::OperationInterrupted => {
            Error::input(t!("add-stopped"))
        }
        other => Error::input(t!("add-cannot-ask", problem = other.to_string())),
    }
}

/// Ask the questions; the one-line commands the answers make, as typed
/// words, for [`command`] to read and the dispatcher to run.
pub fn ask(ctx: &mut Ctx<'_>) -> Result<Vec<Vec<String>>> {
    if !ctx.env.terminal.stdin || !ctx.env.terminal.stderr {
        return Err(Error::usage(t!("add-no-terminal")));
    }
    let state = {
        let store = ctx.open(Access::Read)?;
        let conn = store.conn();
        let visiting = match visits::current(conn)? {
            Some(id) => Some(visits::get(conn, id)?.unit_code),
            None => None,
        };
        State {
            visiting,
            // A retired unit takes no new visits, so it is not offered.
            units: units::all(conn)?
                .into_iter()
                .filter(|u| u.retired_on.is_none() && u.merged_into.is_none())
                .map(|u| (u.code, u.name))
                .collect(),
            // Someone who left is no longer offered, as typing their name
            // no longer finds them.
            staff: people::list(conn, None)?
                .into_iter()
                .filter(|p| p.retired_on.is_none())
                .map(|p| (p.unit_code, p.name))
                .collect(),
            now: ctx.clock.now().format("%H:%M").to_string(),
            at: ctx.clock.now(),
            overdue_tasks: crate::store::tasks::list(
                conn,
                &crate::store::tasks::TaskFilter {
                    undone_on: Some(ctx.clock.today()),
                    due_before: Some(ctx.clock.today()),
                    ..Default::default()
                },
            )?
            .into_iter()
            .map(|t| (t.unit_code, t.id, t.fields.text))
            .collect(),
        }
    };
    plan(&mut Terminal, &state)
}

/// One planned line read as the command line reads it.
pub fn command(line: &[String]) -> Result<Command> {
    let args = std::iter::once("spotcheck".to_string()).chain(line.iter().cloned());
    let cli = <crate::cli::Cli as clap::Parser>::try_parse_from(args)
        .map_err(|e| Error::input(t!("add-not-a-command", problem = e.to_string())))?;
    // Every planned line starts with its command; an empty one names none.
    cli.command
        .ok_or_else(|| Error::input(t!("add-not-a-command", problem = t!("add-no-command"))))
}

/// After the commands ran: how to type them next time.
pub fn teach(ctx: &mut Ctx<'_>, lines: &[Vec<String>]) -> Result<()> {
    // What the commands printed comes first, then how to type them.
    ctx.out.flush().map_err(Error::Output)?;
    ctx.note(&t!("add-the-same-as-a-command"))?;
    for line in lines {
        ctx.note(&format!("  {}", shown(line)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers given in order, as a person would.
    struct Scripted(Vec<&'static str>);

    impl Ask for Scripted {
        fn choose(&mut self, _question: &str, choices: &[String]) -> Result<usize> {
            let answer = self.0.remove(0);
            Ok(choices
                .iter()
                .position(|c| c.starts_with(answer))
                .unwrap_or_else(|| panic!("no choice `{answer}` in {choices:?}")))
        }

        fn text(
            &mut self,
            _question: &str,
            default: Option<&str>,
            _suggestions: &[String],
            _required: bool,
        ) -> Result<Option<String>> {
            let answer = self.0.remove(0);
            Ok(match (answer, default) {
                ("", Some(default)) => Some(default.to_string()),
                ("", None) => None,
                (answer, _) => Some(answer.to_string()),
            })
        }

        /// A refused answer is asked again, as on the terminal: the next
        /// answer is taken.
        fn start(&mut self, _question: &str, default: &str, now: NaiveDateTime) -> Result<String> {
            loop {
                let answer = self.0.remove(0);
                if answer.is_empty() {
                    return Ok(default.to_string());
                }
                if start_problem(answer, now).is_none() {
                    return Ok(answer.to_string());
                }
            }
        }
    }

    fn state(visiting: Option<&str>) -> State {
        State {
            visiting: visiting.map(str::to_string),
            units: vec![
                ("phu-thinh".into(), "UBND thị trấn Phú Thịnh".into()),
                ("tam-dai".into(), "UBND xã Tam Đại".into()),
            ],
            staff: vec![("tam-dai".into(), "Nguyễn Văn An".into())],
            now: "07:52".into(),
            at: chrono::NaiveDate::from_ymd_opt(2022, 5, 10)
                .unwrap()
                .and_hms_opt(7, 52, 0)
                .unwrap(),
            overdue_tasks: vec![("tam-dai".into(), 4, "Khắc phục tồn tại sau kiểm tra".into())],
        }
    }

    fn shown_plan(answers: Vec<&'static str>, visiting: Option<&str>) -> Vec<String> {
        plan(&mut Scripted(answers), &state(visiting))
            .unwrap()
            .iter()
            .map(|line| shown(line))
            .collect()
    }

    #[test]
    fn a_late_arrival_with_the_time_now_by_default() {
        assert_eq!(
            shown_plan(
                vec!["arrived late", "Nguyễn Văn An", "", "reminded"],
                Some("tam-dai")
            ),
            ["spotcheck late \"Nguyễn Văn An\" --arrived 07:52 --action reminded"]
        );
    }

    #[test]
    fn without_a_visit_the_unit_is_asked_and_the_visit_started_first() {
        assert_eq!(
            shown_plan(
                vec![
                    "UBND xã Tam Đại",
                    "",
                    "absent",
                    "Trần Thị Bình",
                    "giao ban",
                    "not excused",
                    "none"
                ],
                None
            ),
            [
                "spotcheck visit start tam-dai",
                "spotcheck absent \"Trần Thị Bình\" --meeting \"giao ban\""
            ]
        );
    }

    #[test]
    fn the_start_of_a_visit_is_asked_and_a_future_one_asked_again() {
        assert_eq!(
            shown_plan(
                vec![
                    "UBND xã Tam Đại",
                    "11/05/2022 7h15",
                    "3/5 7h15",
                    "absent",
                    "Trần Thị Bình",
                    "",
                    "not excused",
                    "none"
                ],
                None
            ),
            [
                "spotcheck visit start tam-dai --at \"3/5 7h15\"",
                "spotcheck absent \"Trần Thị Bình\""
            ]
        );
        let mut asked = None;
        struct Looking<'a>(&'a mut Option<String>);
        impl Ask for Looking<'_> {
            fn choose(&mut self, _question: &str, _choices: &[String]) -> Result<usize> {
                Ok(1)
            }
            fn text(
                &mut self,
                _question: &str,
                _default: Option<&str>,
                _suggestions: &[String],
                _required: bool,
            ) -> Result<Option<String>> {
                Ok(None)
            }
            fn start(
                &mut self,
                question: &str,
                default: &str,
                _now: NaiveDateTime,
            ) -> Result<String> {
                *self.0 = Some(format!("{question} [{default}]"));
                Err(Error::input(String::from("seen")))
            }
        }
        let _ = plan(&mut Looking(&mut asked), &state(None));
        assert_eq!(
            asked.as_deref(),
            Some("When did the visit start? [10/05/2022 07:52]")
        );
    }

    #[test]
    fn an_overdue_file_and_another_breach_take_their_own_questions() {
        assert_eq!(
            shown_plan(
                vec![
                    "a citizen",
                    "HS-0012",
                    "05/05/2022",
                    "Chứng thực",
                    "",
                    "",
                    "criticised"
                ],
                Some("tam-dai")
            ),
            [
                "spotcheck overdue HS-0012 --due 05/05/2022 --procedure \"Chứng thực\" --action criticised"
            ]
        );
        assert_eq!(
            shown_plan(
                vec!["another", "Không đeo thẻ", "Nguyễn Văn An", "none"],
                Some("tam-dai")
            ),
            ["spotcheck other \"Không đeo thẻ\" --person \"Nguyễn Văn An\""]
        );
    }

    #[test]
    fn leaving_early_and_an_excused_absence_take_their_own_questions() {
        assert_eq!(
            shown_plan(
                vec!["left early", "Nguyễn Văn An", "16h20", "none"],
                Some("tam-dai")
            ),
            ["spotcheck early \"Nguyễn Văn An\" --left 16h20"]
        );
        assert_eq!(
            shown_plan(
                vec![
                    "absent",
                    "Trần Thị Bình",
                    "",
                    "other",
                    "đi khám bệnh",
                    "none"
                ],
                Some("tam-dai")
            ),
            ["spotcheck absent \"Trần Thị Bình\" --excused other --reason-given \"đi khám bệnh\""]
        );
        assert_eq!(
            shown_plan(
                vec!["absent", "Trần Thị Bình", "", "sick", "none"],
                Some("tam-dai")
            ),
            ["spotcheck absent \"Trần Thị Bình\" --excused sick"]
        ); // Each parses as the command it shows.
        for answers in [
            vec!["left early", "Nguyễn Văn An", "16h20", "none"],
            vec![
                "absent",
                "Trần Thị Bình",
                "",
                "other",
                "đi khám bệnh",
                "none",
            ],
        ] {
            for line in plan(&mut Scripted(answers), &state(Some("tam-dai"))).unwrap() {
                let args = std::iter::once("spotcheck".to_string()).chain(line);
                <crate::cli::Cli as clap::Parser>::try_parse_from(args).unwrap();
            }
        }
    }

    #[test]
    fn an_overdue_task_of_the_unit_is_offered_and_only_there() {
        assert_eq!(
            shown_plan(vec!["an assigned task", "#4", "reminded"], Some("tam-dai")),
            ["spotcheck unfinished 4 --action reminded"]
        );
        let kinds = std::cell::RefCell::new(Vec::new());
        struct Looking<'a>(&'a std::cell::RefCell<Vec<String>>);
        impl Ask for Looking<'_> {
            fn choose(&mut self, _question: &str, choices: &[String]) -> Result<usize> {
                self.0.borrow_mut().extend(choices.iter().cloned());
                Err(Error::input(String::from("seen")))
            }
            fn text(
                &mut self,
                _question: &str,
                _default: Option<&str>,
                _suggestions: &[String],
                _required: bool,
            ) -> Result<Option<String>> {
                Ok(None)
            }
            fn start(
                &mut self,
                _question: &str,
                default: &str,
                _now: NaiveDateTime,
            ) -> Result<String> {
                Ok(default.to_string())
            }
        }
        let _ = plan(&mut Looking(&kinds), &state(Some("phu-thinh")));
        assert_eq!(kinds.borrow().len(), 5, "{:?}", kinds.borrow());
    }

    #[test]
    fn answered_in_vietnamese_the_plan_is_the_same_command() {
        crate::i18n::set(crate::i18n::Lang::Vi);
        let vietnamese = shown_plan(
            vec![
                "hồ sơ trễ hẹn",
                "HS-0012",
                "05/05/2022",
                "Chứng thực",
                "",
                "",
                "phê bình",
            ],
            Some("tam-dai"),
        );
        crate::i18n::set(crate::i18n::Lang::En);
        assert_eq!(
            vietnamese,
            [
                "spotcheck overdue HS-0012 --due 05/05/2022 --procedure \"Chứng thực\" --action criticised"
            ]
        );
    }

    #[test]
    fn every_planned_line_parses_as_the_command_it_shows() {
        let lines = plan(
            &mut Scripted(vec![
                "UBND xã Tam Đại",
                "yesterday 13h30",
                "arrived late",
                "Nguyễn Văn An",
                "8h05",
                "self-review",
            ]),
            &state(None),
        )
        .unwrap();
        for line in lines {
            let args = std::iter::once("spotcheck".to_string()).chain(line.iter().cloned());
            <crate::cli::Cli as clap::Parser>::try_parse_from(args).unwrap();
        }
    }

    #[test]
    fn without_units_there_is_nothing_to_ask() {
        let mut empty = state(None);
        empty.units.clear();
        let error = plan(&mut Scripted(vec![]), &empty).unwrap_err().to_string();
        assert!(error.contains("spotcheck unit add CODE NAME"), "{error}");
    }

    #[test]
    fn a_planned_line_without_a_command_is_an_error_not_a_crash() {
        let error = command(&[]).err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("the answers do not make a command: the line names no command")
        );
    }
}
