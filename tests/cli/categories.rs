//! The named categories of breaches logged with `other`: typed by key or
//! by name in either language, stored and exported by key, shown in the
//! reader's language, offered by completion.

use crate::support::{Logbook, csv_records};

fn categories(book: &Logbook) -> Vec<String> {
    csv_records(&book.ok(&["list", "--kind", "other", "--format", "csv"]))
        .into_iter()
        .map(|r| r["category"].clone())
        .collect()
}

#[test]
fn a_category_is_stored_by_its_key_whichever_way_it_is_typed() {
    let book = Logbook::new();
    book.visit_tam_dai();
    for (description, category) in [
        ("Không đeo thẻ", "badge"),
        (
            "Không đeo thẻ khi tiếp dân",
            "Không đeo thẻ công chức, viên chức",
        ),
        ("Chơi trò chơi", "khong lam viec rieng"),
        (
            "Chơi trò chơi trên máy tính",
            "Private business or games during work",
        ),
        ("Rời vị trí", "left post"),
        ("Đi chợ trong giờ", "Việc Riêng"),
    ] {
        book.ok(&[
            "other",
            description,
            "--person",
            "Nguyễn Văn An",
            "--category",
            category,
        ]);
    }
    assert_eq!(
        categories(&book),
        [
            "badge",
            "badge",
            // Not a name of one: kept as the team's own word.
            "khong lam viec rieng",
            "private-business",
            "left-post",
            "việc riêng",
        ]
    );
    // Corrected to a named category by its Vietnamese name.
    book.ok(&[
        "edit",
        "3",
        "--category",
        "làm việc riêng, chơi trò chơi trong giờ làm việc",
    ]);
    assert_eq!(categories(&book)[2], "private-business");
    // People read the name in their language; scripts get the key.
    let vi = book.ok(&["--lang", "vi", "show", "1"]);
    assert!(vi.contains("không đeo thẻ công chức, viên chức"), "{vi}");
    let en = book.ok(&["list", "--kind", "other"]);
    assert!(en.contains("Rời vị trí [left the post]"), "{en}");
}

#[test]
fn completion_offers_the_named_categories_with_their_names() {
    let book = Logbook::new();
    let mut command = book.wrapper(env!("CARGO_BIN_EXE_spotcheck"));
    command
        .env("COMPLETE", "fish")
        .env("SPOTCHECK_LANG", "vi")
        .args(["--", "spotcheck", "other", "x", "--category", "al"]);
    let output = command.output().expect("the completion");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "alcohol\tuống rượu, bia trong giờ làm việc\n"
    );
}
