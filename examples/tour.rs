//! A field day of a province's inspection team in 2026, after the communes
//! and wards took over from the districts: the units (a commune, a ward, a
//! department and the commune's public administrative service centre), the
//! plan and the tasks the units were given, three unannounced visits, the
//! findings logged on them (a task among them), a correction, a void and the
//! history. It drives the real command line in-process, prints each command
//! and its output, and leaves `tour.db` in the current directory to explore
//! (`spotcheck --db tour.db list`).
//!
//! Run it with `cargo run --release --example tour`.

use std::io::Write;
use std::path::Path;

/// The commands of the day, as an inspector types them.
const DAY: &[&[&str]] = &[
    &["init"],
    &[
        "unit",
        "add",
        "tam-dai",
        "UBND xã Tam Đại",
        "--kind",
        "commune",
    ],
    &[
        "unit",
        "add",
        "phu-thinh",
        "UBND phường Phú Thịnh",
        "--kind",
        "ward",
    ],
    &[
        "unit",
        "add",
        "tu-phap",
        "Sở Tư pháp tỉnh Phú Ninh",
        "--kind",
        "department",
        "--start",
        "7:30",
    ],
    &[
        "unit",
        "add",
        "tam-dai-hcc",
        "Trung tâm Phục vụ hành chính công xã Tam Đại",
        "--kind",
        "service-centre",
        "--parent",
        "tam-dai",
        "--week",
        "mon-fri,sat:am",
    ],
    &["unit", "list"],
    &[
        "plan", "set", "all", "--visits", "1", "--per", "quarter", "--from", "4/2026",
    ],
    &[
        "plan", "set", "tam-dai", "--visits", "2", "--per", "month", "--from", "5/2026",
    ],
    &[
        "task",
        "add",
        "tam-dai",
        "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
        "--assigned",
        "15/04/2026",
        "--due",
        "08/05/2026",
        "--source",
        "Công văn 125/UBND",
    ],
    &[
        "task",
        "add",
        "phu-thinh",
        "Báo cáo rà soát hồ sơ trễ hẹn",
        "--due",
        "31/05/2026",
    ],
    &[
        "visit",
        "start",
        "tam dai",
        "--at",
        "12/05/2026 07:05",
        "--team",
        "Lê Thị Hoa, Phạm Minh Tuấn",
        "--on-roll",
        "22",
        "--present",
        "18",
    ],
    &["late", "Nguyễn Văn An", "--arrived", "7h40"],
    &[
        "late",
        "Trần Thị Bình",
        "--arrived",
        "7h25",
        "--action",
        "reminded",
    ],
    &["absent", "Đặng Quốc Huy", "--meeting", "giao ban đầu tuần"],
    &[
        "overdue",
        "HS-2026-0412",
        "--received",
        "15/04/2026",
        "--due",
        "29/04/2026",
        "--procedure",
        "Đăng ký khai sinh",
        "--officer",
        "Hồ Thị Lan",
    ],
    &["visit", "end", "--at", "12/05/2026 08:30"],
    &[
        "visit",
        "start",
        "phu thinh",
        "--at",
        "12/05/2026 09:15",
        "--team",
        "Lê Thị Hoa, Phạm Minh Tuấn",
    ],
    &["absent", "Phan Văn Dũng"],
    &[
        "other",
        "Rời vị trí làm việc trong giờ hành chính",
        "--person",
        "Lương Thị Mai",
        "--category",
        "left-post",
        "--action",
        "reminded",
    ],
    &[
        "overdue",
        "HS-2026-0388",
        "--due",
        "08/05/2026",
        "--returned",
        "11/05/2026",
        "--procedure",
        "Chứng thực bản sao",
    ],
    &["absent", "phan van dung"],
    &[
        "overdue",
        "HS-2026-0420",
        "--due",
        "07/05/2026",
        "--officer",
        "ho thi lan",
        "--visit",
        "1",
    ],
    &["unfinished", "1", "--visit", "1", "--action", "reminded"],
    &["visit", "end", "--at", "12/05/2026 10:20"],
    &[
        "visit",
        "start",
        "tam-dai-hcc",
        "--at",
        "12/05/2026 10:45",
        "--team",
        "Lê Thị Hoa, Phạm Minh Tuấn",
    ],
    &[
        "other",
        "Không niêm yết công khai thủ tục chứng thực",
        "--category",
        "procedures-not-posted",
        "--action",
        "reminded",
    ],
    // The centre also works on Saturday mornings: the Saturday of a file late
    // over the weekend is one of its working days.
    &[
        "overdue",
        "HS-2026-0395",
        "--due",
        "08/05/2026",
        "--returned",
        "11/05/2026",
        "--procedure",
        "Chứng thực bản sao",
    ],
    &["visit", "end", "--at", "12/05/2026 11:15"],
    &["list", "--month", "05/2026"],
    &[
        "edit",
        "1",
        "--arrived",
        "7:45",
        "--reason",
        "giờ đến ghi nhầm",
    ],
    &["void", "8", "--reason", "ghi trùng"],
    &["list", "--unit", "phu thinh", "--include-void"],
    &["list", "--kind", "overdue", "--format", "csv"],
    &["visit", "list"],
    &["history", "1"],
    &["show", "9"],
    &["report", "month", "05/2026"],
    &["report", "plan", "05/2026"],
    &["report", "tasks", "05/2026"],
    &["check"],
];

fn main() {
    let db = Path::new("tour.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("tour.db{suffix}"));
    }
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tour.toml");
    // The tour names its logbook and config file; nothing else of the
    // environment it runs in changes what it shows.
    let env = spotcheck::environment::Environment {
        temp_dir: std::env::temp_dir(),
        ..Default::default()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = writeln!(
        out,
        "Every command below runs as `spotcheck --db tour.db --config examples/tour.toml …`.\n"
    );
    for command in DAY {
        let _ = writeln!(out, "$ spotcheck {}", shell_words(command));
        let mut args = vec!["spotcheck", "--db", "tour.db", "--config", config];
        args.extend_from_slice(command);
        // The binary shows notes on stderr as they come, before its buffered
        // output; the tour keeps that order.
        let (mut result, mut notes) = (Vec::new(), Vec::new());
        let code = spotcheck::run_args(args, &env, &mut result, &mut notes);
        let _ = out.write_all(&notes);
        let _ = out.write_all(&result);
        if code != 0 {
            let _ = writeln!(out, "(exit code {code})");
            std::process::exit(i32::from(code));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "The logbook is in {}: try `spotcheck --db tour.db list`.",
        db.display()
    );
}

/// Quote arguments that hold spaces, as a shell would need them.
fn shell_words(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.contains(' ') {
                format!("\"{a}\"")
            } else {
                a.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
