//! The sections a month or longer report adds on request: each unit's
//! overdue files by apology, channel and stage (`--overdue-details`), and
//! the disciplines decided in the period (`--decisions`). Every figure is
//! counted by hand from the findings logged here.

use crate::support::{Logbook, json};

/// April and May 2026 at a commune and a ward.
///
/// - 21/04, Tam Đại: HS-0401 overdue (direct, no apology); Nguyễn Văn An
///   late (#2), proposed for discipline.
/// - 12/05, Tam Đại: HS-0501 (online, apology 08/05, held up at approval),
///   HS-0502 (direct, held up at approval), HS-0503 (#5, voided).
/// - 13/05, An Phú: HS-0511 (online, apology 12/05, held up at reception);
///   Lê Thị Hoa late (#7), proposed for discipline.
///
/// Decisions: #2 a reprimand of 15/05 (found in April, decided in May) and
/// #7 closed without discipline on 29/05.
fn two_months() -> Logbook {
    let book = Logbook::new().now("2026-06-02T08:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&[
        "unit",
        "add",
        "an-phu",
        "UBND phường An Phú",
        "--kind",
        "ward",
    ]);

    book.ok(&["visit", "start", "tam-dai", "--at", "21/04/2026 08:00"]);
    book.ok(&[
        "overdue",
        "HS-0401",
        "--due",
        "15/04/2026",
        "--channel",
        "direct",
    ]);
    book.ok(&[
        "late",
        "Nguyễn Văn An",
        "--arrived",
        "8:05",
        "--action",
        "discipline",
    ]);
    book.ok(&["visit", "end", "--at", "10:00"]);

    book.ok(&["visit", "start", "tam-dai", "--at", "12/05/2026 08:00"]);
    book.ok(&[
        "overdue",
        "HS-0501",
        "--due",
        "07/05/2026",
        "--channel",
        "online",
        "--apology-on",
        "08/05/2026",
        "--new-due",
        "14/05/2026",
        "--delay-stage",
        "approval",
    ]);
    book.ok(&[
        "overdue",
        "HS-0502",
        "--due",
        "08/05/2026",
        "--channel",
        "direct",
        "--delay-stage",
        "approval",
    ]);
    book.ok(&[
        "overdue",
        "HS-0503",
        "--due",
        "08/05/2026",
        "--channel",
        "online",
    ]);
    book.ok(&["void", "5", "--reason", "ghi trùng"]);
    book.ok(&["visit", "end", "--at", "10:00"]);

    book.ok(&["visit", "start", "an-phu", "--at", "13/05/2026 14:00"]);
    book.ok(&[
        "overdue",
        "HS-0511",
        "--due",
        "11/05/2026",
        "--channel",
        "online",
        "--apology-on",
        "12/05/2026",
        "--delay-stage",
        "reception",
    ]);
    book.ok(&[
        "late",
        "Lê Thị Hoa",
        "--arrived",
        "14:20",
        "--action",
        "discipline",
    ]);
    book.ok(&["visit", "end", "--at", "16:00"]);

    book.ok(&[
        "edit",
        "2",
        "--discipline-form",
        "reprimand",
        "--decision",
        "45/QĐ-UBND",
        "--decided-on",
        "15/05/2026",
        "--decided-by",
        "Chủ tịch UBND xã Tam Đại",
    ]);
    book.ok(&["edit", "7", "--decided-on", "29/05/2026"]);
    book
}

#[test]
fn the_overdue_details_count_each_unit_s_files_by_apology_channel_and_stage() {
    let book = two_months();
    let report = json(&book.ok(&[
        "report",
        "month",
        "5/2026",
        "--overdue-details",
        "--format",
        "json",
    ]));
    let rows = report["overdue_details"].as_array().expect("the section");
    let figures: Vec<(String, [i64; 9])> = rows
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_i64().expect(k);
            (
                r["unit_code"].as_str().unwrap_or_default().to_string(),
                [
                    n("overdue"),
                    n("apologised"),
                    n("online"),
                    n("direct"),
                    n("stage_reception"),
                    n("stage_processing"),
                    n("stage_coordination"),
                    n("stage_approval"),
                    n("stage_return"),
                ],
            )
        })
        .collect();
    // The voided HS-0503 and April's HS-0401 are not counted.
    assert_eq!(
        figures,
        [
            ("an-phu".to_string(), [1, 1, 1, 0, 1, 0, 0, 0, 0]),
            ("tam-dai".to_string(), [2, 1, 1, 1, 0, 0, 0, 2, 0]),
        ]
    );
    // Not asked for, the section is left out.
    let plain = json(&book.ok(&["report", "month", "5/2026", "--format", "json"]));
    assert!(plain.get("overdue_details").is_none(), "{plain}");

    // In the table, a total row ends it; in Vietnamese, with its headings.
    let table = book.ok(&[
        "--lang",
        "vi",
        "report",
        "month",
        "5/2026",
        "--overdue-details",
    ]);
    assert!(
        table.contains("Hồ sơ trễ hẹn: văn bản xin lỗi, hình thức nộp và khâu bị chậm"),
        "{table}"
    );
    let total = table
        .lines()
        .rev()
        .find(|line| line.contains("TỔNG CỘNG"))
        .expect("a total row");
    let cells: Vec<&str> = total
        .split('┆')
        .map(|c| c.trim_matches(|ch: char| ch == '│' || ch.is_whitespace()))
        .collect();
    assert_eq!(cells[2..], ["3", "2", "2", "1", "1", "0", "0", "2", "0"]);
}

#[test]
fn the_decisions_of_the_period_are_those_taken_in_it_whenever_the_breach_was_found() {
    let book = two_months();
    let may = json(&book.ok(&[
        "report",
        "month",
        "5/2026",
        "--decisions",
        "--format",
        "json",
    ]));
    let decisions: Vec<[String; 5]> = may["decisions"]
        .as_array()
        .expect("the section")
        .iter()
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or("–").to_string();
            [
                d["finding"].to_string(),
                text("found_on"),
                text("discipline_form"),
                text("decision_ref"),
                text("decided_on"),
            ]
        })
        .collect();
    assert_eq!(
        decisions,
        [
            ["2", "2026-04-21", "reprimand", "45/QĐ-UBND", "2026-05-15"].map(String::from),
            ["7", "2026-05-13", "–", "–", "2026-05-29"].map(String::from),
        ]
    );
    // April had none decided; the quarter has both.
    let april = json(&book.ok(&[
        "report",
        "month",
        "4/2026",
        "--decisions",
        "--format",
        "json",
    ]));
    assert_eq!(april["decisions"], serde_json::json!([]));
    let quarter = json(&book.ok(&[
        "report",
        "quarter",
        "2026-Q2",
        "--decisions",
        "--overdue-details",
        "--format",
        "json",
    ]));
    assert_eq!(quarter["decisions"].as_array().map(Vec::len), Some(2));
    let tam_dai = quarter["overdue_details"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["unit_code"] == "tam-dai"))
        .expect("Tam Đại");
    // April's HS-0401 (direct) joins May's two.
    assert_eq!(
        [&tam_dai["overdue"], &tam_dai["direct"]],
        [&serde_json::json!(3), &serde_json::json!(2)]
    );

    // A case closed without discipline is named so, in both languages.
    let table = book.ok(&["report", "month", "5/2026", "--decisions"]);
    assert!(
        table.contains("Disciplines decided in the period"),
        "{table}"
    );
    assert!(table.contains("closed without discipline"), "{table}");
    let vi = book.ok(&["--lang", "vi", "report", "month", "5/2026", "--decisions"]);
    assert!(vi.contains("không xử lý kỷ luật"), "{vi}");
    assert!(vi.contains("khiển trách"), "{vi}");
}
