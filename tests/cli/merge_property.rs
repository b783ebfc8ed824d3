//! Three laptops that copied one logbook log and correct findings offline,
//! merge one another now and then, and at the end merge in every direction
//! until a full round changes nothing. All three then hold the same
//! findings, pass `check`, and every value someone wrote is either still
//! there, or one side of a conflict kept for a person to settle, or was
//! replaced by an edit made by someone who had seen it. After the property,
//! the smallest cases of each way it was seen to go wrong, worked out by
//! hand.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use proptest::sample::Index;

use crate::support::{Logbook, csv_records, stored_rows};

/// Who writes on each laptop.
const AUTHORS: [&str; 3] = ["Lê Thị Hoa", "Phạm Minh Tuấn", "Vũ Thị Mai"];

/// How the account of a run names each laptop.
const LAPTOPS: [&str; 3] = ["A", "B", "C"];

const PEOPLE: [&str; 3] = ["Nguyễn Văn An", "Trần Thị Bình", "Hồ Thị Lan"];

/// Notes written; the empty one clears the note.
const NOTES: [&str; 4] = ["", "có giấy mời", "đã nhắc nhở", "họp thôn"];

const ACTIONS: [&str; 3] = ["reminded", "criticised", "review"];

const DESCRIPTIONS: [&str; 2] = ["Không đeo thẻ công chức", "Rời vị trí làm việc"];

const REASONS: [&str; 2] = ["ghi trùng", "nhầm người"];

/// The fields the steps write, as `findings_v` names them. The time of
/// arrival stands for its group: the minutes late follow it.
const FIELDS: [&str; 3] = ["note", "action", "arrived_at"];

/// What all three laptops must agree on: local numbers may differ.
const FINDINGS: &str = "SELECT uid, kind, person, arrived_at, minutes_late, note, action, \
                        voided_at IS NOT NULL AS void, void_reason FROM findings_v ORDER BY uid";

/// The findings a step may pick, in an order that is the same on every
/// run: uids are random, the minute a finding was logged is not, and the
/// findings of the shared logbook keep their numbers on every laptop.
const TARGETS: &str = "SELECT uid, number, kind, note, action, arrived_at, \
                       voided_at IS NOT NULL AS void FROM findings_v ORDER BY logged_at, number";

/// One thing done on one laptop (`on`, an index into [`AUTHORS`]).
#[derive(Debug, Clone)]
enum Step {
    /// `late PERSON --arrived 07:MM`, MM being `arrived`.
    Late {
        on: usize,
        person: usize,
        arrived: u32,
    },
    Absent {
        on: usize,
        person: usize,
    },
    Other {
        on: usize,
        description: usize,
    },
    Note {
        on: usize,
        target: Index,
        note: usize,
    },
    Action {
        on: usize,
        target: Index,
        action: usize,
    },
    /// `edit --arrived 07:MM` on a late finding.
    Arrived {
        on: usize,
        target: Index,
        arrived: u32,
    },
    Void {
        on: usize,
        target: Index,
        reason: usize,
    },
    /// `merge` run on laptop `on`, taking the logbook of laptop `from`.
    Merge {
        on: usize,
        from: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let on = 0..3usize;
    let arrived = 31..60u32;
    prop_oneof![
        2 => (on.clone(), 0..PEOPLE.len(), arrived.clone())
            .prop_map(|(on, person, arrived)| Step::Late { on, person, arrived }),
        1 => (on.clone(), 0..PEOPLE.len()).prop_map(|(on, person)| Step::Absent { on, person }),
        1 => (on.clone(), 0..DESCRIPTIONS.len())
            .prop_map(|(on, description)| Step::Other { on, description }),
        3 => (on.clone(), any::<Index>(), 0..NOTES.len())
            .prop_map(|(on, target, note)| Step::Note { on, target, note }),
        2 => (on.clone(), any::<Index>(), 0..ACTIONS.len())
            .prop_map(|(on, target, action)| Step::Action { on, target, action }),
        2 => (on.clone(), any::<Index>(), arrived)
            .prop_map(|(on, target, arrived)| Step::Arrived { on, target, arrived }),
        1 => (on.clone(), any::<Index>(), 0..REASONS.len())
            .prop_map(|(on, target, reason)| Step::Void { on, target, reason }),
        2 => (on, 1..3usize).prop_map(|(on, k)| Step::Merge { on, from: (on + k) % 3 }),
    ]
}

/// Every ordered pair of laptops: (the one merging, the one merged).
const PAIRS: [(usize, usize); 6] = [(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)];

/// How many full rounds of the six merges may pass before all is quiet.
const ROUNDS: usize = 8;

/// A finding as `findings_v` shows it, by column.
type Row = BTreeMap<String, String>;

/// A value given to one field of one finding, by an edit or by logging
/// the finding, and the values the laptop had seen of that field then:
/// those it replaces.
struct Event {
    value: String,
    replaces: BTreeSet<usize>,
}

/// The three laptops, the clock, and what the test knows happened: which
/// values each laptop has seen of each field (as in version vectors), and
/// which findings it knows void.
struct Team {
    books: [Logbook; 3],
    /// Minutes after 08:00 on 10/05/2022, one more for every command that writes.
    minute: u32,
    /// Every command run, for the failure message.
    account: Vec<String>,
    /// A name for each finding that is the same on every run.
    labels: BTreeMap<String, String>,
    events: Vec<Event>,
    /// Per laptop: for (uid, field), the events it has seen.
    seen: [BTreeMap<(String, &'static str), BTreeSet<usize>>; 3],
    /// Per laptop: the findings it knows void.
    void: [BTreeSet<String>; 3],
    /// Every value a step wrote: (laptop, uid, field, value).
    written: Vec<(usize, String, &'static str, String)>,
}

fn rows(book: &Logbook, query: &str) -> Vec<Row> {
    csv_records(&book.ok(&["sql", query, "--format", "csv"]))
}

fn findings(book: &Logbook) -> BTreeMap<String, Row> {
    rows(book, FINDINGS)
        .into_iter()
        .map(|row| (row["uid"].clone(), row))
        .collect()
}

/// A command line as a shell takes it.
fn words(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.contains(' ') {
                format!("{a:?}")
            } else {
                a.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How `conflicts` shows a value: an empty field as a dash.
fn shown(value: &str) -> &str {
    if value.is_empty() { "–" } else { value }
}

impl Team {
    /// A shared logbook with a visit and three findings, copied to three
    /// laptops, each with its own inspector.
    fn new() -> Team {
        let shared = Logbook::new();
        shared.visit_tam_dai();
        shared.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
        shared.ok(&["absent", "Trần Thị Bình"]);
        shared.ok(&["other", "Không đeo thẻ công chức"]);
        let books = AUTHORS.map(|by| {
            let book = Logbook::new().env("SPOTCHECK_BY", by);
            shared.ok(&["backup", &book.db().display().to_string()]);
            book
        });
        let mut team = Team {
            books,
            minute: 0,
            account: Vec::new(),
            labels: BTreeMap::new(),
            events: Vec::new(),
            seen: Default::default(),
            void: Default::default(),
            written: Vec::new(),
        };
        for row in rows(&shared, TARGETS) {
            team.labels
                .insert(row["uid"].clone(), format!("#{}", row["number"]));
        }
        for (uid, row) in findings(&shared) {
            for field in FIELDS {
                let id = team.event(&row[field], BTreeSet::new());
                for seen in &mut team.seen {
                    seen.insert((uid.clone(), field), BTreeSet::from([id]));
                }
            }
        }
        team
    }

    fn event(&mut self, value: &str, replaces: BTreeSet<usize>) -> usize {
        self.events.push(Event {
            value: value.to_string(),
            replaces,
        });
        self.events.len() - 1
    }

    /// The clock of the next command, a minute after the last one's.
    fn tick(&mut self) -> String {
        self.minute += 1;
        let minutes = 8 * 60 + self.minute;
        format!("2022-05-10T{:02}:{:02}", minutes / 60, minutes % 60)
    }

    fn label(&self, uid: &str) -> String {
        self.labels
            .get(uid)
            .cloned()
            .unwrap_or_else(|| uid.to_string())
    }

    /// Run `args` on laptop `on` at the next minute; `shown` is how the
    /// account writes the command.
    fn run(&mut self, on: usize, args: &[&str], shown: String) -> crate::support::Output {
        let now = self.tick();
        let output = self.books[on].run_at(&now, args);
        self.account.push(format!(
            "{} {}  spotcheck {shown}  → exit {}",
            LAPTOPS[on],
            &now[11..],
            output.code
        ));
        output
    }

    /// What happened, for a failure message.
    fn story(&self) -> String {
        self.account.join("\n")
    }

    /// Log a finding on laptop `on`; it becomes known there only.
    fn log(&mut self, on: usize, args: &[&str]) {
        let before = findings(&self.books[on]);
        let output = self.run(on, args, words(args));
        assert_eq!(output.code, 0, "{}\n{}", output.dump, self.story());
        let after = findings(&self.books[on]);
        let added: Vec<&String> = after.keys().filter(|u| !before.contains_key(*u)).collect();
        assert_eq!(added.len(), 1, "{}", output.dump);
        let uid = added[0].clone();
        let label = format!("{}@{}", LAPTOPS[on], &self.account.last().unwrap()[2..7]);
        self.labels.insert(uid.clone(), label);
        for field in FIELDS {
            let value = after[&uid][field].clone();
            let id = self.event(&value, BTreeSet::new());
            self.seen[on].insert((uid.clone(), field), BTreeSet::from([id]));
            if !value.is_empty() {
                self.written.push((on, uid.clone(), field, value));
            }
        }
    }

    /// The finding a step picks on laptop `on`, among those `late_only`
    /// allows, as that laptop shows it.
    fn pick(&self, on: usize, target: &Index, late_only: bool) -> Option<Row> {
        let candidates: Vec<Row> = rows(&self.books[on], TARGETS)
            .into_iter()
            .filter(|row| !late_only || row["kind"] == "late")
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let row = candidates[target.index(candidates.len())].clone();
        let void = row["void"] == "1";
        let known = self.void[on].contains(&row["uid"]);
        assert_eq!(
            void,
            known,
            "laptop {} shows whether {} is void otherwise than the voids made there or \
             merged in since\n{}",
            LAPTOPS[on],
            self.label(&row["uid"]),
            self.story()
        );
        Some(row)
    }

    /// Change one field of a finding on laptop `on`. Refused, with nothing
    /// changed, when the finding is void there.
    fn edit(&mut self, on: usize, target: &Index, field: &'static str, value: &str) {
        let Some(row) = self.pick(on, target, field == "arrived_at") else {
            return;
        };
        let (uid, void) = (row["uid"].clone(), row["void"] == "1");
        let flag = match field {
            "note" => "--note",
            "action" => "--action",
            _ => "--arrived",
        };
        let before = stored_rows(self.books[on].db());
        let shown = format!("edit {} {flag} {value:?}", self.label(&uid));
        let output = self.run(on, &["edit", &uid, flag, value], shown);
        if void {
            assert_eq!(output.code, 1, "{}\n{}", output.dump, self.story());
            assert!(
                before == stored_rows(self.books[on].db()),
                "a refused command changed the logbook\n{}",
                output.dump
            );
            return;
        }
        assert_eq!(output.code, 0, "{}\n{}", output.dump, self.story());
        // The value it had already: nothing changed, nothing to carry.
        if row[field] == value {
            return;
        }
        let key = (uid.clone(), field);
        let replaces = self.seen[on].get(&key).cloned().unwrap_or_default();
        let id = self.event(value, replaces.clone());
        let mut seen = replaces;
        seen.insert(id);
        self.seen[on].insert(key, seen);
        self.written.push((on, uid, field, value.to_string()));
    }

    fn void(&mut self, on: usize, target: &Index, reason: &str) {
        let Some(row) = self.pick(on, target, false) else {
            return;
        };
        let (uid, void) = (row["uid"].clone(), row["void"] == "1");
        let before = stored_rows(self.books[on].db());
        let shown = format!("void {} --reason {reason:?}", self.label(&uid));
        let output = self.run(on, &["void", &uid, "--reason", reason], shown);
        if void {
            assert_eq!(output.code, 1, "{}\n{}", output.dump, self.story());
            assert!(
                before == stored_rows(self.books[on].db()),
                "a refused command changed the logbook\n{}",
                output.dump
            );
            return;
        }
        assert_eq!(output.code, 0, "{}\n{}", output.dump, self.story());
        self.void[on].insert(uid);
    }

    /// Merge laptop `from` into laptop `on`; whether it said there was
    /// nothing to change and left every stored row as it was. Laptop `on`
    /// has now seen every value `from` had.
    fn merge(&mut self, on: usize, from: usize) -> bool {
        let before = stored_rows(self.books[on].db());
        let other = self.books[from].db().display().to_string();
        let output = self.run(on, &["merge", &other], format!("merge {}", LAPTOPS[from]));
        assert_eq!(output.code, 0, "{}\n{}", output.dump, self.story());
        let quiet = output.stdout.starts_with("nothing to change: ")
            && before == stored_rows(self.books[on].db());
        let theirs = self.seen[from].clone();
        for (key, ids) in theirs {
            self.seen[on].entry(key).or_default().extend(ids);
        }
        let void = self.void[from].clone();
        self.void[on].extend(void);
        quiet
    }

    fn apply(&mut self, step: &Step) {
        match *step {
            Step::Late {
                on,
                person,
                arrived,
            } => {
                let at = format!("07:{arrived:02}");
                self.log(on, &["late", PEOPLE[person], "--arrived", &at]);
            }
            Step::Absent { on, person } => self.log(on, &["absent", PEOPLE[person]]),
            Step::Other { on, description } => self.log(on, &["other", DESCRIPTIONS[description]]),
            Step::Note {
                on,
                ref target,
                note,
            } => self.edit(on, target, "note", NOTES[note]),
            Step::Action {
                on,
                ref target,
                action,
            } => self.edit(on, target, "action", ACTIONS[action]),
            Step::Arrived {
                on,
                ref target,
                arrived,
            } => self.edit(on, target, "arrived_at", &format!("07:{arrived:02}")),
            Step::Void {
                on,
                ref target,
                reason,
            } => self.void(on, target, REASONS[reason]),
            Step::Merge { on, from } => {
                self.merge(on, from);
            }
        }
    }

    /// Merge in `order`, round after round, until a whole round changes nothing.
    fn settle(&mut self, order: &[(usize, usize)]) {
        for _ in 0..ROUNDS {
            let mut quiet = true;
            for &(on, from) in order {
                quiet &= self.merge(on, from);
            }
            if quiet {
                return;
            }
        }
        panic!(
            "{ROUNDS} rounds of merges in every direction still changed something\n{}",
            self.story()
        );
    }

    /// Each laptop's conflicts, settled or not, as (uid, field, mine, theirs).
    fn conflicts(&self) -> Vec<(String, String, String, String)> {
        let mut all = Vec::new();
        for book in &self.books {
            let numbers: BTreeMap<String, String> = rows(book, TARGETS)
                .into_iter()
                .map(|row| (format!("finding #{}", row["number"]), row["uid"].clone()))
                .collect();
            for conflict in csv_records(&book.ok(&["conflicts", "--all", "--format", "csv"])) {
                let Some(uid) = numbers.get(&conflict["record"]) else {
                    continue;
                };
                all.push((
                    uid.clone(),
                    conflict["field"].clone(),
                    conflict["mine"].clone(),
                    conflict["theirs"].clone(),
                ));
            }
        }
        all
    }

    /// Every event of `field` of `uid` that some laptop has seen.
    fn events_of(&self, uid: &str, field: &'static str) -> BTreeSet<usize> {
        let key = (uid.to_string(), field);
        self.seen
            .iter()
            .flat_map(|seen| seen.get(&key).into_iter().flatten().copied())
            .collect()
    }

    /// The events of `field` of `uid` that no event seen replaced.
    fn latest(&self, uid: &str, field: &'static str) -> BTreeSet<usize> {
        let ids = self.events_of(uid, field);
        let replaced: BTreeSet<usize> = ids
            .iter()
            .flat_map(|id| self.events[*id].replaces.iter().copied())
            .collect();
        ids.difference(&replaced).copied().collect()
    }

    /// Whether, after event `id`, someone replaced its value by another,
    /// having seen the same value typed elsewhere. A merge compares values,
    /// so it cannot tell the two apart; and the later edit is kept, as a
    /// conflict would have kept it.
    fn replaced_afterwards(&self, uid: &str, field: &'static str, id: usize) -> bool {
        let value = &self.events[id].value;
        self.events_of(uid, field).into_iter().any(|later| {
            let event = &self.events[later];
            later > id
                && &event.value != value
                && event
                    .replaces
                    .iter()
                    .any(|r| &self.events[*r].value == value)
        })
    }

    /// Whether event `id` only brought the field back to the value it had
    /// in the last version it shares with a latest event of value `kept`:
    /// compared with their common version, that side changed nothing, so
    /// the other side's value is taken without a conflict.
    fn undone(&self, id: usize, kept: &str, latest: &BTreeSet<usize>) -> bool {
        let event = &self.events[id];
        latest
            .iter()
            .filter(|other| self.events[**other].value == kept)
            .any(|other| {
                let common: BTreeSet<usize> = event
                    .replaces
                    .intersection(&self.events[*other].replaces)
                    .copied()
                    .collect();
                let replaced: BTreeSet<usize> = common
                    .iter()
                    .flat_map(|c| self.events[*c].replaces.iter().copied())
                    .collect();
                common
                    .difference(&replaced)
                    .any(|c| self.events[*c].value == event.value)
            })
    }

    /// What must hold once all is quiet.
    fn assert_converged(&self) {
        let story = self.story();
        let texts: Vec<String> = self
            .books
            .iter()
            .map(|book| book.ok(&["sql", FINDINGS, "--format", "csv"]))
            .collect();
        for (name, text) in LAPTOPS.iter().zip(&texts).skip(1) {
            assert_eq!(
                &texts[0], text,
                "laptops A and {name} hold different findings\n{story}"
            );
        }
        for (name, book) in LAPTOPS.iter().zip(&self.books) {
            let check = book.run(&["check"]);
            assert!(
                check.code == 0 && check.stdout.starts_with("ok: "),
                "check fails on laptop {name}\n{}\n{story}",
                check.dump
            );
        }
        let now = findings(&self.books[0]);
        let conflicts = self.conflicts();
        let in_conflict = |uid: &str, field: &str, value: &str| {
            conflicts.iter().any(|(u, f, mine, theirs)| {
                u == uid && f == field && (mine == shown(value) || theirs == shown(value))
            })
        };

        // A void is never undone, and every void seen is carried everywhere.
        let voided: BTreeSet<&String> = self.void.iter().flatten().collect();
        for (uid, row) in &now {
            assert_eq!(
                row["void"] == "1",
                voided.contains(uid),
                "{} is void after merging only if some laptop voided it\n{story}",
                self.label(uid)
            );
        }

        // The value kept is one of the latest; each other latest one is a
        // side of a conflict somewhere.
        for (uid, row) in &now {
            for field in FIELDS {
                let latest = self.latest(uid, field);
                let values: BTreeSet<&String> =
                    latest.iter().map(|id| &self.events[*id].value).collect();
                let value = &row[field];
                assert!(
                    values.contains(value),
                    "{field} of {} is {value:?}, not one of the latest values {values:?}\n{story}",
                    self.label(uid)
                );
                for &id in &latest {
                    let other = &self.events[id].value;
                    if other == value
                        || self.replaced_afterwards(uid, field, id)
                        || self.undone(id, value, &latest)
                    {
                        continue;
                    }
                    assert!(
                        in_conflict(uid, field, other),
                        "{field} of {} lost {other:?} (kept {value:?}) without a conflict \
                         naming it\n{story}",
                        self.label(uid)
                    );
                }
            }
        }

        // Every value written is still there, or in the history of the
        // laptop that wrote it, or in a conflict.
        for (on, uid, field, value) in &self.written {
            if &now[uid][*field] == value || in_conflict(uid, field, value) {
                continue;
            }
            let json = if value.is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::Value::String(value.clone())
            };
            let history = rows(
                &self.books[*on],
                &format!(
                    "SELECT before, after FROM history_v WHERE entity = 'finding' \
                     AND record_uid = '{uid}'"
                ),
            );
            let kept = history.iter().any(|entry| {
                ["before", "after"].iter().any(|side| {
                    serde_json::from_str::<serde_json::Value>(&entry[*side])
                        .is_ok_and(|snapshot| snapshot[*field] == json)
                })
            });
            assert!(
                kept,
                "{field} {value:?} written on {} to {} is nowhere\n{story}",
                LAPTOPS[*on],
                self.label(uid)
            );
        }
    }
}

fn run(steps: &[Step], order: &[(usize, usize)]) {
    let mut team = Team::new();
    for step in steps {
        team.apply(step);
    }
    team.settle(order);
    team.assert_converged();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn three_laptops_merging_in_any_order_agree_and_lose_nothing(
        steps in proptest::collection::vec(step(), 1..24),
        order in Just(PAIRS.to_vec()).prop_shuffle(),
    ) {
        run(&steps, &order);
    }
}

// ---------------------------------------------------------------------------
// Cases worked out by hand, each the smallest of its kind

/// Laptops A, B and C, each with its inspector, holding copies of one
/// logbook: a visit and one late finding, #1 (Nguyễn Văn An, 07:40).
fn copies() -> [Logbook; 3] {
    let shared = Logbook::new();
    shared.visit_tam_dai();
    shared.ok(&["late", "Nguyễn Văn An", "--arrived", "7h40"]);
    AUTHORS.map(|by| {
        let book = Logbook::new().env("SPOTCHECK_BY", by);
        shared.ok(&["backup", &book.db().display().to_string()]);
        book
    })
}

/// Run a command that must succeed at `time` on 10/05/2022; its output.
fn at(book: &Logbook, time: &str, args: &[&str]) -> String {
    let output = book.run_at(&format!("2022-05-10T{time}"), args);
    assert_eq!(output.code, 0, "{}", output.dump);
    output.stdout
}

fn merge_at(book: &Logbook, time: &str, other: &Logbook) -> String {
    at(book, time, &["merge", &other.db().display().to_string()])
}

/// A field of finding #1, as `findings_v` shows it.
fn first(book: &Logbook, field: &str) -> String {
    rows(book, FINDINGS)[0][field].clone()
}

const NO_CONFLICTS: &str = "no conflicts to settle\n";

fn assert_same_findings(books: &[&Logbook]) {
    let first = books[0].ok(&["sql", FINDINGS, "--format", "csv"]);
    for book in &books[1..] {
        assert_eq!(book.ok(&["sql", FINDINGS, "--format", "csv"]), first);
    }
}

/// The same field edited on two laptops: the laptop that merges first
/// records the conflict; merging back finds nothing to settle.
#[test]
fn one_field_edited_on_two_laptops_is_one_conflict_on_the_laptop_that_merges_first() {
    let [a, b, _] = copies();
    at(&a, "09:00", &["edit", "1", "--note", "có giấy mời"]);
    at(&b, "09:30", &["edit", "1", "--note", "họp thôn"]);

    merge_at(&a, "10:00", &b);
    let conflicts = csv_records(&a.ok(&["conflicts", "--format", "csv"]));
    let named: Vec<[&str; 4]> = conflicts
        .iter()
        .map(|c| {
            [
                c["field"].as_str(),
                c["mine"].as_str(),
                c["theirs"].as_str(),
                c["kept"].as_str(),
            ]
        })
        .collect();
    assert_eq!(named, [["note", "có giấy mời", "họp thôn", "theirs"]]);

    let back = merge_at(&b, "10:05", &a);
    assert!(back.starts_with("nothing to change: "), "{back}");
    assert_eq!(b.ok(&["conflicts"]), NO_CONFLICTS);
    assert_same_findings(&[&a, &b]);
    assert_eq!(first(&b, "note"), "họp thôn");
}

/// A takes B's note, then clears it. B's logbook still holds the note A
/// took: merging it again must not bring the note back, though A's
/// cleared note looks like the version before B's edit.
#[test]
fn a_note_cleared_after_a_merge_stays_cleared_when_that_laptop_is_merged_again() {
    let [a, b, _] = copies();
    at(&b, "08:01", &["edit", "1", "--note", "có giấy mời"]);
    merge_at(&a, "08:02", &b);
    at(&a, "08:03", &["edit", "1", "--note", ""]);

    // B has changed nothing since: A's clearing is the newer edit.
    let again = merge_at(&a, "08:04", &b);
    assert!(again.starts_with("nothing to change: "), "{again}");
    assert_eq!(first(&a, "note"), "");
    merge_at(&b, "08:05", &a);
    assert_eq!(first(&b, "note"), "");
}

/// Two notes typed on two laptops and an action on a third, merged in a
/// ring: each laptop has held, at some time, the value the next one holds
/// now, which must not make each take the other's value round after round.
#[test]
fn three_laptops_merging_in_a_ring_come_to_rest() {
    let [a, b, c] = copies();
    at(&a, "08:01", &["edit", "1", "--note", "có giấy mời"]);
    at(&b, "08:02", &["edit", "1", "--note", "họp thôn"]);
    at(&c, "08:03", &["edit", "1", "--action", "reminded"]);

    // C takes A's logbook, A takes B's, B takes C's, round after round.
    let ring = [(&c, &a), (&a, &b), (&b, &c)];
    let mut minute = 3;
    let mut round = || {
        ring.map(|(book, other)| {
            minute += 1;
            merge_at(book, &format!("08:{minute:02}"), other).starts_with("nothing to change: ")
        })
    };
    round();
    round();
    assert_eq!(
        round(),
        [true; 3],
        "a third round of the ring still changes something"
    );
    assert_same_findings(&[&a, &b, &c]);
    assert_eq!(
        (first(&a, "note"), first(&a, "action")),
        ("họp thôn".to_string(), "reminded".to_string()),
        "B's note is the later edit"
    );
}

/// Voided on both laptops, each with its reason: the logbooks must still
/// end up holding the same finding.
#[test]
fn a_finding_voided_on_two_laptops_for_different_reasons_ends_the_same_on_both() {
    let [a, b, _] = copies();
    at(&a, "08:01", &["void", "1", "--reason", "ghi trùng"]);
    at(&b, "08:02", &["void", "1", "--reason", "nhầm người"]);
    merge_at(&a, "08:03", &b);
    merge_at(&b, "08:04", &a);
    assert_same_findings(&[&a, &b]);
}

/// A sets the action and changes it; B, later than A's first edit, sets
/// the action A had first. Both changed the action since the version both
/// had, so it is a conflict, as when a value is typed again later; A's
/// edit is the later one and stays, and B takes it without a conflict.
#[test]
fn an_action_set_on_both_sides_and_changed_again_on_one_is_one_conflict_the_later_edit_wins() {
    let [a, b, _] = copies();
    at(&a, "08:01", &["edit", "1", "--action", "reminded"]);
    at(&b, "08:02", &["edit", "1", "--action", "reminded"]);
    at(&a, "08:03", &["edit", "1", "--action", "criticised"]);

    merge_at(&a, "08:04", &b);
    let conflicts = csv_records(&a.ok(&["conflicts", "--format", "csv"]));
    let named: Vec<[&str; 4]> = conflicts
        .iter()
        .map(|c| {
            [
                c["field"].as_str(),
                c["mine"].as_str(),
                c["theirs"].as_str(),
                c["kept"].as_str(),
            ]
        })
        .collect();
    assert_eq!(named, [["action", "criticised", "reminded", "mine"]]);
    merge_at(&b, "08:05", &a);
    assert_eq!(b.ok(&["conflicts"]), NO_CONFLICTS);
    assert_same_findings(&[&a, &b]);
    assert_eq!(first(&b, "action"), "criticised");

    // Both hold the same now: merging again, either way, writes nothing.
    for (book, other) in [(&a, &b), (&b, &a)] {
        let history = || book.ok(&["history", "1", "--format", "csv"]);
        let before = history();
        let merged = merge_at(book, "08:06", other);
        assert!(merged.starts_with("nothing to change: "), "{merged}");
        assert_eq!(history(), before);
    }
}

/// C takes B's note and then edits the action; B meanwhile changes its
/// note again. A takes C's logbook, then B's: only B changed the note
/// since the version C passed on, so A takes B's note without a conflict,
/// whatever the stamp C's later action edit gave the record.
#[test]
fn an_older_value_passed_on_by_a_third_laptop_does_not_undo_a_later_edit() {
    let [a, b, c] = copies();
    at(&b, "08:01", &["edit", "1", "--note", "có giấy mời"]);
    merge_at(&c, "08:02", &b);
    at(&b, "08:03", &["edit", "1", "--note", "họp thôn"]);
    at(&c, "08:04", &["edit", "1", "--action", "reminded"]);
    merge_at(&a, "08:05", &c);

    // Only B changed the note since the version C passed on.
    merge_at(&a, "08:06", &b);
    assert_eq!(a.ok(&["conflicts"]), NO_CONFLICTS);
    assert_eq!(first(&a, "note"), "họp thôn");
    assert_eq!(first(&a, "action"), "reminded");
    merge_at(&b, "08:07", &a);
    merge_at(&c, "08:08", &a);
    assert_same_findings(&[&a, &b, &c]);
}

/// A types a note and replaces it; B, later, types the note A had first.
/// Both changed the note since their common version: a conflict, and B's
/// later edit is kept, though A held that very value once.
#[test]
fn a_value_typed_again_later_on_another_laptop_is_a_conflict_it_wins() {
    let [a, b, _] = copies();
    at(&a, "08:01", &["edit", "1", "--note", "có giấy mời"]);
    at(&a, "08:02", &["edit", "1", "--note", "họp thôn"]);
    at(&b, "08:03", &["edit", "1", "--note", "có giấy mời"]);

    merge_at(&a, "08:04", &b);
    let conflicts = csv_records(&a.ok(&["conflicts", "--format", "csv"]));
    let named: Vec<[&str; 4]> = conflicts
        .iter()
        .map(|c| {
            [
                c["field"].as_str(),
                c["mine"].as_str(),
                c["theirs"].as_str(),
                c["kept"].as_str(),
            ]
        })
        .collect();
    assert_eq!(named, [["note", "họp thôn", "có giấy mời", "theirs"]]);
    merge_at(&b, "08:05", &a);
    assert_same_findings(&[&a, &b]);
    assert_eq!(first(&b, "note"), "có giấy mời");
}

/// B and C edit the action; C merges B and keeps its own, later, value as
/// a conflict. A takes C's logbook, then B's. Which versions C had weighed
/// does not travel with its records, so A finds the conflict again; it
/// keeps the same value C kept, and the three end the same.
#[test]
fn a_conflict_found_on_one_laptop_is_settled_the_same_way_on_a_third() {
    let [a, b, c] = copies();
    at(&b, "08:01", &["edit", "1", "--action", "reminded"]);
    at(&c, "08:02", &["edit", "1", "--action", "criticised"]);
    merge_at(&c, "08:03", &b);
    assert_eq!(
        csv_records(&c.ok(&["conflicts", "--format", "csv"])).len(),
        1
    );
    merge_at(&a, "08:04", &c);
    merge_at(&a, "08:05", &b);
    let conflicts = csv_records(&a.ok(&["conflicts", "--format", "csv"]));
    assert!(conflicts.len() <= 1, "{conflicts:?}");
    assert!(
        conflicts.iter().all(|c| c["kept"] == "mine"),
        "{conflicts:?}"
    );
    assert_eq!(first(&a, "action"), "criticised");
    merge_at(&b, "08:06", &a);
    merge_at(&c, "08:07", &a);
    assert_same_findings(&[&a, &b, &c]);
}

/// A finding logged on one laptop, its arrival corrected there and its note
/// written on another that had merged it, with the third merging in
/// between: after every merge in every direction, the correction stands.
#[test]
fn a_correction_made_after_another_laptop_merged_the_finding_stands_everywhere() {
    let [a, b, c] = copies();
    at(
        &b,
        "08:01",
        &["late", "Trần Thị Bình", "--arrived", "07:31"],
    );
    merge_at(&c, "08:02", &b);
    at(&b, "08:03", &["edit", "2", "--arrived", "07:54"]);
    let on_c = rows(
        &c,
        "SELECT number FROM findings_v WHERE person = 'Trần Thị Bình'",
    );
    let number = on_c[0]["number"].clone();
    at(&c, "08:04", &["edit", &number, "--note", "đã nhắc nhở"]);
    merge_at(&a, "08:05", &c);
    let mut minute = 6;
    for _ in 0..3 {
        for (to, from) in [(&c, &b), (&a, &b), (&a, &c), (&b, &a), (&b, &c), (&c, &a)] {
            merge_at(to, &format!("08:{minute:02}"), from);
            minute += 1;
        }
    }
    for book in [&a, &b, &c] {
        let late = rows(
            book,
            "SELECT arrived_at, minutes_late, note FROM findings_v WHERE person = 'Trần Thị Bình'",
        );
        assert_eq!(
            (
                late[0]["arrived_at"].as_str(),
                late[0]["minutes_late"].as_str(),
                late[0]["note"].as_str()
            ),
            ("07:54", "24", "đã nhắc nhở")
        );
    }
}
