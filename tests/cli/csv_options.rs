//! `--excel` (a byte-order mark, so Excel reads Vietnamese) and `--sep ';'`
//! shape every CSV output, not only exports: the summary a leader
//! double-clicks opens with its names whole.

use crate::support::Logbook;

const BOM: &str = "\u{feff}";

fn a_month() -> Logbook {
    let book = Logbook::new().now("2026-05-20T10:00");
    book.ok(&[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ]);
    book.ok(&["visit", "start", "tam-dai", "--at", "20/05/2026 07:30"]);
    book.ok(&["late", "Nguyễn Văn An", "--arrived", "7:50"]);
    book.ok(&[
        "task",
        "add",
        "tam-dai",
        "Rà soát hồ sơ",
        "--due",
        "10/05/2026",
    ]);
    book.ok(&["visit", "end", "--at", "09:00"]);
    book
}

#[test]
fn every_csv_output_takes_the_mark_for_excel_and_the_semicolon() {
    let book = a_month();
    let commands: &[&[&str]] = &[
        &["report", "month", "5/2026"],
        &["report", "repeat", "--min", "1"],
        &["report", "tasks", "5/2026"],
        &["report", "plan", "5/2026"],
        &["report", "quarter", "2026-Q2"],
        &["list", "--month", "5/2026"],
        &["sql", "SELECT unit_name, person FROM findings_v"],
        &["export", "findings"],
    ];
    for args in commands {
        let mut plain = args.to_vec();
        plain.extend(["--format", "csv"]);
        let plain = book.ok(&plain);
        let mut shaped = args.to_vec();
        shaped.extend(["--format", "csv", "--excel", "--sep", ";"]);
        let shaped = book.ok(&shaped);
        let body = shaped
            .strip_prefix(BOM)
            .unwrap_or_else(|| panic!("`{}` has no mark: {shaped:?}", args.join(" ")));
        // The same cells, only the separator changed (none of these cells
        // holds a comma or a semicolon).
        assert_eq!(body.replace(';', ","), plain, "{}", args.join(" "));
        assert!(
            body.lines().next().is_some_and(|h| h.contains(';')),
            "{body}"
        );
    }
    // The summary keeps its Vietnamese names whole.
    let report = book.ok(&["report", "month", "5/2026", "--format", "csv", "--excel"]);
    assert!(
        report.starts_with(BOM) && report.contains("UBND xã Tam Đại"),
        "{report}"
    );
}

#[test]
fn the_options_of_csv_without_csv_are_refused_rather_than_lost() {
    let book = a_month();
    let before = std::fs::read(book.db()).expect("the logbook");
    assert_eq!(
        book.fails(&["report", "month", "5/2026", "--excel"], 2),
        "error: `--excel` and `--sep` shape CSV output: add `--format csv` (or leave them out)\n"
    );
    assert_eq!(
        book.fails(&["list", "--sep", ";", "--format", "json"], 2),
        "error: `--excel` and `--sep` shape CSV output: add `--format csv` (or leave them out)\n"
    );
    let workbook = book.path("x.xlsx");
    assert_eq!(
        book.fails(
            &[
                "export",
                "findings",
                "--xlsx",
                &workbook.display().to_string(),
                "--excel"
            ],
            2
        ),
        "error: `--xlsx` writes a workbook, not CSV: leave out `--excel` and `--sep`\n"
    );
    assert!(!workbook.exists());
    assert!(
        book.fails(&["report", "month", "--format", "csv", "--sep", "|"], 2)
            .contains("`|` is not a separator")
    );
    assert!(std::fs::read(book.db()).expect("the logbook") == before);
}
