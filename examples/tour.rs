//! A field day with spotcheck: the plan and the tasks the units were given,
//! two unannounced visits, the findings logged on them (a task among them), a
//! correction, a void and the history. It drives the real command line
//! in-process, prints each command and its output, and leaves `tour.db` in the
//! current directory to explore (`spotcheck --db tour.db list`).
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
        "UBND thị trấn Phú Thịnh",
        "--kind",
        "commune",
    ],
    &[
        "unit",
        "add",
        "noi-vu",
        "Phòng Nội vụ huyện Phú Ninh",
        "--kind",
        "office",
        "--start",
        "7:30",
    ],
    &["unit", "list"],
    &[
        "plan", "set", "all", "--visits", "1", "--per", "quarter", "--from", "4/2022",
    ],
    &[
        "plan", "set", "tam-dai", "--visits", "2", "--per", "month", "--from", "5/2022",
    ],
    &[
        "task",
        "add",
        "tam-dai",
        "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
        "--assigned",
        "15/04/2022",
        "--due",
        "06/05/2022",
        "--source",
        "Công văn 125/UBND",
    ],
    &[
        "task",
        "add",
        "phu-thinh",
        "Báo cáo rà soát hồ sơ trễ hẹn",
        "--due",
        "31/05/2022",
    ],
    &[
        "visit",
        "start",
        "tam dai",
        "--at",
        "10/05/2022 07:05",
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
        "HS-2022-0412",
        "--received",
        "15/04/2022",
        "--due",
        "29/04/2022",
        "--procedure",
        "Đăng ký khai sinh",
        "--officer",
        "Hồ Thị Lan",
    ],
    &["visit", "end", "--at", "10/05/2022 08:30"],
    &[
        "visit",
        "start",
        "phu thinh",
        "--at",
        "10/05/2022 09:15",
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
        "HS-2022-0388",
        "--due",
        "06/05/2022",
        "--returned",
        "09/05/2022",
        "--procedure",
        "Chứng thực bản sao",
    ],
    &["absent", "phan van dung"],
    &[
        "overdue",
        "HS-2022-0420",
        "--due",
        "05/05/2022",
        "--officer",
        "ho thi lan",
        "--visit",
        "1",
    ],
    &["unfinished", "1", "--visit", "1", "--action", "reminded"],
    &["visit", "end", "--at", "10/05/2022 10:20"],
    &["list", "--month", "05/2022"],
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
    &["report", "month", "05/2022"],
    &["report", "plan", "05/2022"],
    &["report", "tasks", "05/2022"],
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
