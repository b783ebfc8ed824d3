//! A realistic logbook of any size, for benchmarks and for trying reports on
//! years of data: Vietnamese units and invented staff, visits on working
//! days, every kind of finding with plausible figures, repeat offenders, some
//! edits and voids. Deterministic for a seed; written through spotcheck's own
//! store, so every record has its history entry.
//!
//! `cargo run --release --example synth -- --findings 100000 --units 60 --months 24 --seed 1 --db synth.db`

// A program of its own, not the library: it talks to the terminal directly.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike, Weekday};
use spotcheck::model::{Action, FindingKind, UnitKind};
use spotcheck::store::{
    Access, Author, NewFinding, NewUnit, NewVisit, Origin, Store, findings, people, units, visits,
};

/// The last month of generated data; the logbook covers `--months` up to it.
const LAST_MONTH: (i32, u32) = (2025, 12);

const COMMUNES: &[&str] = &[
    "Tam Đại",
    "Tam Nghĩa",
    "Tam Đàn",
    "Tam Thành",
    "Tam An",
    "Tam Phước",
    "Tam Lộc",
    "Tam Vinh",
    "Tam Thái",
    "Tam Lãnh",
    "Tam Trà",
    "Tam Sơn",
    "Tam Hiệp",
    "Tam Xuân",
];
/// The province's own bodies a provincial team checks besides the
/// communes, with their kinds.
const OFFICES: &[(&str, UnitKind)] = &[
    ("Sở Nội vụ", UnitKind::Department),
    ("Sở Tư pháp", UnitKind::Department),
    ("Sở Tài chính", UnitKind::Department),
    ("Sở Nông nghiệp và Môi trường", UnitKind::Department),
    ("Sở Giáo dục và Đào tạo", UnitKind::Department),
    ("Sở Y tế", UnitKind::Department),
    ("Sở Văn hóa, Thể thao và Du lịch", UnitKind::Department),
    ("Sở Xây dựng", UnitKind::Department),
    (
        "Trung tâm Phục vụ hành chính công tỉnh",
        UnitKind::ServiceCentre,
    ),
    ("Trung tâm Y tế khu vực", UnitKind::Health),
];
const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lương",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Quốc", "Thanh", "Ngọc", "Đức", "Hữu", "Thu", "Xuân",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Mai", "Hùng", "Tuấn", "Hương", "Thảo", "Trang",
    "Phúc", "Khánh", "Long", "Nam", "Sơn", "Tâm", "Vy", "Yến", "Hải", "Quân", "Nhung", "Đạt",
];
const POSITIONS: &[&str] = &[
    "công chức văn phòng – thống kê",
    "công chức tư pháp – hộ tịch",
    "công chức địa chính",
    "công chức tài chính – kế toán",
    "chuyên viên",
    "cán bộ một cửa",
    "kế toán",
    "văn thư",
];
const PROCEDURES: &[&str] = &[
    "Đăng ký khai sinh",
    "Chứng thực bản sao",
    "Cấp giấy chứng nhận quyền sử dụng đất",
    "Đăng ký kết hôn",
    "Xác nhận tình trạng hôn nhân",
    "Đăng ký hộ kinh doanh",
];
const OTHER: &[(&str, &str)] = &[
    ("Không đeo thẻ công chức", "badge"),
    ("Rời vị trí làm việc trong giờ hành chính", "left-post"),
    (
        "Sử dụng điện thoại việc riêng khi tiếp dân",
        "private-business",
    ),
    ("Chưa niêm yết thủ tục hành chính", "procedures-not-posted"),
    ("Thái độ chưa đúng mực với người dân", "attitude"),
];

/// SplitMix64: small, fast and the same on every machine for a seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A random uid, as spotcheck makes them (32 hex digits).
    fn uid(&mut self) -> String {
        format!("{:016x}{:016x}", self.next(), self.next())
    }
}

struct Options {
    findings: u64,
    units: u64,
    /// The first unit's place in the list of names: laptops of a province
    /// that check units of their own start at different places.
    first_unit: u64,
    months: u32,
    seed: u64,
    db: PathBuf,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        findings: 10_000,
        units: 24,
        first_unit: 0,
        months: 12,
        seed: 1,
        db: PathBuf::from("synth.db"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("`{flag}` needs a value"))?;
        let number = || {
            value
                .replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("`{flag} {value}`: not a number"))
        };
        match flag.as_str() {
            "--findings" => options.findings = number()?,
            "--units" => options.units = number()?.max(1),
            "--first-unit" => options.first_unit = number()?.min(1_000_000),
            "--months" => options.months = number()?.clamp(1, 600) as u32,
            "--seed" => options.seed = number()?,
            "--db" => options.db = PathBuf::from(&value),
            _ => {
                return Err(format!(
                    "unknown option `{flag}`: use --findings N --units U [--first-unit F] --months M --seed S --db FILE"
                ));
            }
        }
    }
    Ok(options)
}

fn unit_name(index: u64) -> (String, String, UnitKind) {
    let round = index / (COMMUNES.len() + OFFICES.len()) as u64;
    let slot = (index % (COMMUNES.len() + OFFICES.len()) as u64) as usize;
    // Past the first round of names, units repeat with the round's number.
    let suffix = if round == 0 {
        String::new()
    } else {
        format!(" {}", round + 1)
    };
    let code_suffix = if round == 0 {
        String::new()
    } else {
        format!("-{}", round + 1)
    };
    if slot < COMMUNES.len() {
        let name = COMMUNES[slot];
        let code = spotcheck::fold::fold(name).replace(' ', "-");
        (
            format!("{code}{code_suffix}"),
            format!("UBND xã {name}{suffix}"),
            UnitKind::Commune,
        )
    } else {
        let (name, kind) = OFFICES[slot - COMMUNES.len()];
        let code: String = spotcheck::fold::fold(name)
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "va")
            .map(|w| w.chars().next().unwrap_or('x'))
            .collect();
        (
            format!("s-{code}{code_suffix}"),
            format!("{name}{suffix}"),
            kind,
        )
    }
}

/// Working days (Monday to Friday) from `first` to `last`.
fn working_days(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

fn stamp(at: chrono::NaiveDateTime) -> String {
    // Local UTC+7 to UTC, as spotcheck stamps its records.
    (at - Duration::hours(7))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("synth: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> spotcheck::error::Result<()> {
    let started = Instant::now();
    for suffix in ["", "-wal", "-shm"] {
        let mut name = options.db.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    let (mut store, _) = Store::open(
        &options.db,
        Access::Write,
        &spotcheck::store::cipher::NoKeys,
    )?;
    let mut dice = Dice(options.seed);
    let last = NaiveDate::from_ymd_opt(LAST_MONTH.0, LAST_MONTH.1, 31).expect("valid date");
    let first = (last - chrono::Months::new(options.months))
        .succ_opt()
        .expect("valid date");
    let days = working_days(first, last);
    let author = |at: &str| Author {
        by: "synth".to_string(),
        at: at.to_string(),
    };
    let setup_at = stamp(first.and_hms_opt(7, 0, 0).expect("valid time"));

    // Units and their staff.
    let unit_rows = store.write(|tx| {
        let mut rows = Vec::new();
        for index in 0..options.units {
            let (code, name, kind) = unit_name(options.first_unit + index);
            let origin = Origin {
                uid: Some(dice.uid()),
                created_at: Some(setup_at.clone()),
                ..Origin::default()
            };
            let unit = NewUnit {
                code,
                name,
                kind,
                morning_start: None,
                afternoon_start: None,
                parent_id: None,
                week: None,
                follows_seasons: false,
            };
            let unit = units::insert_from(tx, &unit, &origin, &author(&setup_at))?;
            let staff = 12 + dice.below(20);
            let mut people_ids = Vec::new();
            let mut seen = std::collections::HashSet::new();
            while people_ids.len() < staff as usize {
                let name = format!(
                    "{} {} {}",
                    dice.pick(FAMILY),
                    dice.pick(MIDDLE),
                    dice.pick(GIVEN)
                );
                if !seen.insert(spotcheck::fold::fold(&name)) {
                    continue;
                }
                let origin = Origin {
                    uid: Some(dice.uid()),
                    created_at: Some(setup_at.clone()),
                    ..Origin::default()
                };
                let position = Some(*dice.pick(POSITIONS));
                let person = people::insert_from(
                    tx,
                    unit.id,
                    &name,
                    (position, None),
                    &origin,
                    &author(&setup_at),
                )?;
                people_ids.push(person.id);
            }
            rows.push((unit, people_ids));
        }
        Ok(rows)
    })?;

    // Visits, each with a handful of findings, in day order.
    let per_visit = 8u64;
    let mut logged = 0u64;
    let mut visit_index = 0u64;
    // Several thousand findings per transaction: one commit and one sync each.
    let batch = 20_000u64;
    // A bar for a person watching; nothing when stderr is a file or a pipe.
    let progress = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        indicatif::ProgressBar::new(options.findings)
    } else {
        indicatif::ProgressBar::hidden()
    };
    while logged < options.findings {
        progress.set_position(logged);
        store.write(|tx| {
            let end = (logged + batch).min(options.findings);
            while logged < end {
                // Visits spread evenly over the working days of the period.
                let day = days[(logged * days.len() as u64 / options.findings) as usize];
                let (unit, staff) = &unit_rows[dice.below(unit_rows.len() as u64) as usize];
                let afternoon = dice.chance(25);
                let start = NaiveTime::from_hms_opt(
                    if afternoon { 13 } else { 7 },
                    30 + dice.below(30) as u32,
                    0,
                )
                .expect("valid time");
                let started_at = day.and_time(start);
                let visit = NewVisit {
                    unit_id: unit.id,
                    started_at,
                    ended_at: Some(started_at + Duration::minutes(45 + dice.below(90) as i64)),
                    announced: dice.chance(15),
                    team: Some("Lê Thị Hoa, Phạm Minh Tuấn".to_string()),
                    on_roll: Some(staff.len() as i64),
                    present: Some(staff.len() as i64 - dice.below(4) as i64),
                    files_checked: None,
                    note: None,
                };
                let at = stamp(started_at);
                let origin = Origin {
                    uid: Some(dice.uid()),
                    created_at: Some(at.clone()),
                    ..Origin::default()
                };
                let visit = visits::insert_from(tx, &visit, &origin, &author(&at))?;
                let count = (1 + dice.below(2 * per_visit - 1)).min(options.findings - logged);
                for n in 0..count {
                    let at = stamp(started_at + Duration::minutes(5 + n as i64));
                    let finding = finding(&mut dice, visit.id, staff, started_at);
                    let origin = Origin {
                        uid: Some(dice.uid()),
                        created_at: Some(at.clone()),
                        ..Origin::default()
                    };
                    let id = findings::insert_from(tx, &finding, &origin, &author(&at))?;
                    if dice.chance(1) {
                        let mut corrected = finding.clone();
                        corrected.note = Some("đã xác minh lại với đơn vị".to_string());
                        findings::update(
                            tx,
                            id,
                            &corrected,
                            Some("bổ sung ghi chú"),
                            &author(&at),
                        )?;
                    }
                    if dice.chance(1) {
                        findings::void(tx, id, "ghi trùng", &author(&at))?;
                    }
                }
                logged += count;
                visit_index += 1;
            }
            Ok(())
        })?;
    }
    progress.finish_and_clear();
    println!(
        "synth: {} findings on {} visits at {} units over {} months in {} ({:.1} s)",
        logged,
        visit_index,
        unit_rows.len(),
        options.months,
        options.db.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// One finding of a plausible kind and size. Repeat offenders come from
/// picking staff with a skew: a few people account for many findings.
fn finding(
    dice: &mut Dice,
    visit_id: i64,
    staff: &[i64],
    started_at: chrono::NaiveDateTime,
) -> NewFinding {
    let roll = dice.below(100);
    let kind = match roll {
        0..45 => FindingKind::Late,
        45..65 => FindingKind::Absent,
        65..90 => FindingKind::Overdue,
        _ => FindingKind::Other,
    };
    let skewed =
        (dice.below(staff.len() as u64) * dice.below(staff.len() as u64)) / staff.len() as u64;
    let person = staff[skewed as usize];
    let mut finding = NewFinding::new(visit_id, kind);
    finding.action = match dice.below(10) {
        0..5 => None,
        5..8 => Some(Action::Reminded),
        8 => Some(Action::Criticised),
        _ => Some(Action::Reported),
    };
    match kind {
        FindingKind::Late => {
            finding.person_id = Some(person);
            let expected = NaiveTime::from_hms_opt(
                if started_at.time().hour() >= 12 {
                    13
                } else {
                    7
                },
                30,
                0,
            )
            .expect("valid time");
            let minutes = 5 + dice.below(90) as i64;
            finding.arrived_at = Some(expected + Duration::minutes(minutes));
            finding.expected_at = Some(expected);
            finding.minutes_late = Some(minutes);
        }
        FindingKind::Absent => {
            finding.person_id = Some(person);
            if dice.chance(30) {
                finding.meeting = Some("giao ban đầu tuần".to_string());
            }
        }
        FindingKind::Overdue => {
            if dice.chance(70) {
                finding.person_id = Some(person);
            }
            let date = started_at.date();
            let due = date - Duration::days(1 + dice.below(30) as i64);
            let returned = dice.chance(40).then(|| {
                due + Duration::days(1 + dice.below((date - due).num_days() as u64) as i64)
            });
            let as_of = returned.unwrap_or(date);
            let (days, working) = spotcheck::rules::days_overdue(due, as_of, |d| {
                !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            })
            .unwrap_or((1, 1));
            finding.file_ref = Some(format!("HS-{}-{:05}", date.year(), dice.below(100_000)));
            finding.procedure = Some(dice.pick(PROCEDURES).to_string());
            finding.received_on = Some(due - Duration::days(3 + dice.below(12) as i64));
            finding.due_on = Some(due);
            finding.returned_on = returned;
            finding.days_overdue = Some(days);
            finding.working_days_overdue = Some(working);
        }
        // The roll above never picks a task or an early departure.
        FindingKind::Task | FindingKind::Early => unreachable!("never rolled"),
        FindingKind::Other => {
            let (text, category) = dice.pick(OTHER);
            if dice.chance(80) {
                finding.person_id = Some(person);
            }
            finding.description = Some(text.to_string());
            finding.category = Some(category.to_string());
        }
    }
    finding
}
