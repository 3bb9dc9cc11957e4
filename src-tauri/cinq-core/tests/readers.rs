//! Bounded reading of every file Cinq imports (issue 20): what is not a regular file, files and cells over the caps,
//! hostile workbooks (a far cell, shared strings that expand hugely, sizes that lie, damage), lenient dates, header-only
//! files, rows cut short, long input in messages; then property tests of the four readers (calendar CSV with the
//! mapped preview, results CSV, results workbook, strategy JSON) with a bounded number of cases.

use std::io::Write;

use cinq_core::adapt::results_import::{read_export, results_csv_preview, ResultsImportOptions};
use cinq_core::calendar::import::csv_preview;
use cinq_core::file::parse_strategy_file;
use cinq_core::io::read::{self, read_file, Limits};
use cinq_core::{Language, Store, StrategyInput};
use proptest::prelude::*;

const CINQ_HEADER: &str =
    "network,date,time,pillar,topic,title,text,link,media_notes,status,editorial_item,objective,campaign";

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap()
        .id;
    (store, id)
}

fn posts(store: &Store, id: i64) -> usize {
    let c = store.calendar(id, None, None).unwrap();
    c.posts.len() + c.ideas.len()
}

fn message(e: impl std::fmt::Display) -> String {
    e.to_string()
}

// ---------------------------------------------------------------------------------------------------------------
// What is not a regular file, and the file's size.

#[cfg(unix)]
#[test]
fn a_fifo_and_dev_zero_are_refused_before_a_byte_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("posts.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        // Nothing writes into the FIFO: a reader that opened it for reading would wait forever.
        let e = message(read_file(&fifo, Limits::default()).unwrap_err());
        assert!(e.contains("posts.csv") && e.contains("pipe"), "{e}");
    }
    let e = message(read_file(std::path::Path::new("/dev/zero"), Limits::default()).unwrap_err());
    assert!(e.contains("/dev/zero is a device"), "{e}");
    let e = message(read_file(dir.path(), Limits::default()).unwrap_err());
    assert!(e.contains("folder"), "{e}");
}

#[test]
fn a_file_over_the_cap_is_refused_naming_the_cap_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, b"0123456789").unwrap();
    assert_eq!(
        read_file(&path, Limits { max_bytes: 10 }).unwrap(),
        b"0123456789"
    );
    let e = message(read_file(&path, Limits { max_bytes: 9 }).unwrap_err());
    assert!(
        e.contains("big.csv") && e.contains("at most 9 bytes per file"),
        "{e}"
    );
    // The default cap is 64 MiB, named the same way.
    assert_eq!(read::MAX_FILE_BYTES, 64 << 20);
    let missing = message(read_file(&dir.path().join("none.csv"), Limits::default()).unwrap_err());
    assert!(missing.contains("none.csv"), "{missing}");
}

// ---------------------------------------------------------------------------------------------------------------
// CSV caps and messages.

#[test]
fn a_cell_over_the_cap_is_refused_with_its_line_and_the_cap_and_nothing_is_written() {
    let (mut store, id) = store_with_strategy();
    let huge = "x".repeat(read::MAX_CELL_BYTES + 1);
    let csv = format!("{CINQ_HEADER}\n{huge},2027-01-05,09:30,,,T,Text,,,draft,,,\n");
    let e = message(
        store
            .import_calendar_csv(id, "plan.csv", csv.as_bytes())
            .unwrap_err(),
    );
    assert!(e.len() < 300, "{e}");
    assert!(
        e.contains("plan.csv") && e.contains("line 2") && e.contains("1 MiB per cell"),
        "{e}"
    );
    assert_eq!(posts(&store, id), 0);
    // The mapped preview and the results reader refuse it too.
    let e = message(csv_preview("plan.csv", csv.as_bytes()).unwrap_err());
    assert!(e.contains("1 MiB per cell"), "{e}");
    let e = message(
        read_export("x.csv", csv.as_bytes(), chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(e.contains("1 MiB per cell"), "{e}");
}

#[test]
fn too_many_columns_are_refused_naming_the_cap() {
    let row = vec!["a"; read::MAX_COLUMNS + 1].join(",");
    let csv = format!("{row}\n{row}\n");
    let e = message(csv_preview("wide.csv", csv.as_bytes()).unwrap_err());
    assert!(
        e.contains("wide.csv") && e.contains("line 1") && e.contains("1,000 columns"),
        "{e}"
    );
    let e = message(results_csv_preview("wide.csv", csv.as_bytes()).unwrap_err());
    assert!(e.contains("1,000 columns"), "{e}");
}

#[test]
fn long_input_is_quoted_briefly_in_every_message() {
    let (mut store, id) = store_with_strategy();
    // Under the cell cap, but far longer than a message may quote.
    let long = "y".repeat(500_000);
    let csv = format!("{CINQ_HEADER}\n{long},2027-01-05,09:30,,,T,Text,,,draft,,,\n");
    let e = message(
        store
            .import_calendar_csv(id, "plan.csv", csv.as_bytes())
            .unwrap_err(),
    );
    assert!(e.len() < 300 && e.contains('…'), "{e}");
    // A long header: the column names of the mapped preview are short.
    let csv = format!("{long},Text\nlinkedin,Hello\n");
    let p = csv_preview("plan.csv", csv.as_bytes()).unwrap();
    assert!(p.columns[0].chars().count() <= 81, "{}", p.columns[0].len());
    // The header of a Cinq CSV that is not one.
    let csv = format!("{long},Text\n");
    let e = message(
        store
            .import_calendar_csv(id, "plan.csv", csv.as_bytes())
            .unwrap_err(),
    );
    assert!(e.len() < 500, "{}", e.len());
    // A network export's bad count.
    let x = format!("Post id,Date,Post text,Impressions\n1,\"Tue, Jul 14, 2026\",Hi,{long}\n");
    let r = read_export("x.csv", x.as_bytes(), chrono_tz::UTC).unwrap();
    assert_eq!(r.error_count, 1);
    assert!(r.errors[0].expected.en.len() < 200);
    // A strategy file's unknown value.
    let json = format!(
        r#"{{"format": "cinq.strategy", "version": 1, "strategy": {{"language": "{long}"}}}}"#
    );
    let e = parse_strategy_file(json.as_bytes()).unwrap_err();
    assert!(e.len() < 400, "{}", e.len());
}

#[test]
fn a_csv_error_has_one_line_number() {
    let (mut store, id) = store_with_strategy();
    let csv = format!("{CINQ_HEADER}\nlinkedin,2027-01-05,09:30\n");
    let e = message(
        store
            .import_calendar_csv(id, "plan.csv", csv.as_bytes())
            .unwrap_err(),
    );
    assert_eq!(e.matches("line").count(), 1, "{e}");
    assert!(e.contains("line 2") && e.contains("3 fields"), "{e}");
    assert_eq!(posts(&store, id), 0);
}

#[test]
fn a_header_only_file_is_an_error_and_changes_nothing() {
    let (mut store, id) = store_with_strategy();
    let before = store.strategy(id).unwrap().updated_at;
    let e = message(
        store
            .import_calendar_csv(id, "plan.csv", format!("{CINQ_HEADER}\n").as_bytes())
            .unwrap_err(),
    );
    assert!(e.contains("header but no rows"), "{e}");
    assert_eq!(store.strategy(id).unwrap().updated_at, before);
    // A network's export and a CSV to map.
    let header = "Post id,Date,Post text,Impressions\n";
    let e = message(
        read_export("x.csv", header.as_bytes(), chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(e.contains("header but no rows"), "{e}");
    let e = message(
        store
            .import_results(
                id,
                "x.csv",
                header.as_bytes(),
                &ResultsImportOptions {
                    skip_invalid: false,
                    dry_run: false,
                    taken_on: Some("2026-07-20".into()),
                },
                &mut |_, _| true,
            )
            .unwrap_err(),
    );
    assert!(e.contains("header but no rows"), "{e}");
    assert_eq!(store.strategy(id).unwrap().updated_at, before);
    let e = message(results_csv_preview("m.csv", b"Network,Date,Likes\n").unwrap_err());
    assert!(e.contains("header but no rows"), "{e}");
}

#[test]
fn a_network_export_row_cut_short_is_refused_with_its_line() {
    let x = "Post id,Date,Post text,Impressions,Likes\n\
             1,\"Tue, Jul 14, 2026\",Hi,10,2\n\
             2,\"Wed, Jul 15, 2026\",Cut\n";
    let r = read_export("x.csv", x.as_bytes(), chrono_tz::UTC).unwrap();
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.error_count, 1);
    assert_eq!(r.errors[0].line, 3);
    assert_eq!(r.errors[0].column, "Impressions");
    assert!(r.errors[0].expected.en.contains("cut short"));
}

#[test]
fn lenient_dates_are_refused_by_the_cinq_csv_import_with_line_and_column() {
    let (mut store, id) = store_with_strategy();
    for (date, time, column) in [
        ("1-1-1", "1:1", "date"),
        ("2027-1-5", "09:30", "date"),
        (" 2027-01-05", "09:30", "date"),
        ("2027-01-05\u{2003}", "09:30", "date"),
        ("2027-01-05", "1:1", "time"),
        ("2027-01-05", "9:30", "time"),
        ("1899-12-31", "09:30", "date"),
        ("2201-01-01", "09:30", "date"),
    ] {
        let csv = format!(
            "{CINQ_HEADER}\nlinkedin,2027-01-04,10:00,,,A,Text,,,draft,,,\n\"linkedin\",\"{date}\",\"{time}\",,,T,Text,,,draft,,,\n"
        );
        let e = message(
            store
                .import_calendar_csv(id, "plan.csv", csv.as_bytes())
                .unwrap_err(),
        );
        assert!(
            e.contains(&format!("line 3, column {column}")),
            "{date:?} {time:?}: {e}"
        );
        assert_eq!(posts(&store, id), 0);
    }
    // The canonical form is read.
    let csv = format!("{CINQ_HEADER}\nlinkedin,2027-01-05,09:30,,,T,Text,,,draft,,,\n");
    assert_eq!(
        store
            .import_calendar_csv(id, "plan.csv", csv.as_bytes())
            .unwrap()
            .posts,
        1
    );
}

#[test]
fn the_mapped_import_stores_canonical_dates_in_range_only() {
    let csv = "Network,Date,Text\nlinkedin,05/01/0001,Hello\n";
    let p = csv_preview("plan.csv", csv.as_bytes()).unwrap();
    let (mut store, id) = store_with_strategy();
    let r = store
        .import_calendar_mapped(id, "plan.csv", csv.as_bytes(), &p.mapping, false, false)
        .unwrap();
    assert_eq!(r.error_count, 1);
    assert_eq!(r.errors[0].line, 2);
    assert!(!r.written);
    let csv = "Network,Date,Time,Text\nlinkedin,5/1/2027,9h05,Hello\n";
    let p = csv_preview("plan.csv", csv.as_bytes()).unwrap();
    let r = store
        .import_calendar_mapped(id, "plan.csv", csv.as_bytes(), &p.mapping, false, false)
        .unwrap();
    assert!(r.written, "{:?}", r.errors);
    let c = store.calendar(id, None, None).unwrap();
    assert_eq!(
        c.posts[0].data.scheduled_at.as_deref(),
        Some("2027-01-05T09:05")
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks.

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;

/// A workbook of one sheet ("All posts") with `sheet` as its XML and `strings` as its shared strings.
fn workbook(sheet: &str, strings: &str) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="All posts" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet {NS}>{sheet}</worksheet>"#)),
        ("xl/sharedStrings.xml", format!(r#"<?xml version="1.0"?><sst {NS}>{strings}</sst>"#)),
    ];
    for (name, text) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// Sets the expanded size a zip declares for `part`, in its local header and its central directory entry.
fn declare_size(zip: &mut [u8], part: &str, size: u32) {
    let name = part.as_bytes();
    let mut i = 0;
    while i + 46 < zip.len() {
        let (at_size, at_len, at_name) = match &zip[i..i + 4] {
            b"PK\x03\x04" => (22, 26, 30),
            b"PK\x01\x02" => (24, 28, 46),
            _ => {
                i += 1;
                continue;
            }
        };
        let len = usize::from(u16::from_le_bytes([zip[i + at_len], zip[i + at_len + 1]]));
        if zip.get(i + at_name..i + at_name + len) == Some(name) {
            zip[i + at_size..i + at_size + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
}

const LINKEDIN_HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Post link</t></is></c><c r="B1" t="inlineStr"><is><t>Created date</t></is></c><c r="C1" t="inlineStr"><is><t>Impressions</t></is></c></row>"#;

fn linkedin_row(r: u32) -> String {
    format!(
        r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>https://www.linkedin.com/feed/update/{r}</t></is></c><c r="B{r}" t="inlineStr"><is><t>07/14/2026 09:30</t></is></c><c r="C{r}"><v>{r}</v></c></row>"#
    )
}

#[test]
fn a_small_workbook_is_read_sparsely() {
    let sheet = format!(
        "<dimension ref=\"A1:C3\"/><sheetData>{LINKEDIN_HEADER}{}{}</sheetData>",
        linkedin_row(2),
        linkedin_row(3)
    );
    let e = read_export("li.xlsx", &workbook(&sheet, ""), chrono_tz::UTC).unwrap();
    assert_eq!(e.rows.len(), 2);
    assert_eq!(e.rows[1].line, 3);
    assert_eq!(e.rows[1].measures.impressions, Some(3));
}

#[test]
fn a_far_cell_is_refused_fast_whether_the_dimension_says_so_or_not() {
    let far = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    let declared = workbook(
        &format!("<dimension ref=\"A1:XFD1048576\"/><sheetData>{LINKEDIN_HEADER}{far}</sheetData>"),
        "",
    );
    assert!(declared.len() < 3000);
    let e = message(
        read_export("far.xlsx", &declared, chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(
        e.contains("far.xlsx") && e.contains("1,000,000 rows"),
        "{e}"
    );
    // No dimension: the cell's own coordinates are checked.
    let silent = workbook(
        &format!("<sheetData>{LINKEDIN_HEADER}{far}</sheetData>"),
        "",
    );
    let e = message(
        read_export("far.xlsx", &silent, chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(e.contains("1,000,000 rows"), "{e}");
    let wide = r#"<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>"#;
    let wide = workbook(
        &format!("<sheetData>{LINKEDIN_HEADER}{wide}</sheetData>"),
        "",
    );
    let e = message(
        read_export("far.xlsx", &wide, chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(
        e.contains("column 16,384") && e.contains("1,000 columns"),
        "{e}"
    );
    // An empty cell far away (a style, say) is no content.
    let styled = r#"<row r="2"><c r="XFD2" s="1"/></row>"#;
    let styled = workbook(
        &format!(
            "<sheetData>{LINKEDIN_HEADER}{styled}{}</sheetData>",
            linkedin_row(3)
        ),
        "",
    );
    assert_eq!(
        read_export("s.xlsx", &styled, chrono_tz::UTC)
            .unwrap()
            .rows
            .len(),
        1
    );
}

#[test]
fn shared_strings_over_the_cap_or_bigger_than_declared_are_refused() {
    let sheet = format!(
        "<dimension ref=\"A1:C2\"/><sheetData>{LINKEDIN_HEADER}{}</sheetData>",
        linkedin_row(2)
    );
    let strings = format!("<si><t>{}</t></si>", "a".repeat(100_000));
    // A part that says it expands beyond the cap.
    let mut big = workbook(&sheet, &strings);
    declare_size(
        &mut big,
        "xl/sharedStrings.xml",
        (read::MAX_SHARED_STRINGS_BYTES + 1) as u32,
    );
    let e = message(read_export("sst.xlsx", &big, chrono_tz::UTC).err().unwrap());
    assert!(
        e.contains("sst.xlsx") && e.contains("32 MiB per shared strings part"),
        "{e}"
    );
    // A part that lies: it says 100 bytes and expands to 100 KB.
    let mut liar = workbook(&sheet, &strings);
    declare_size(&mut liar, "xl/sharedStrings.xml", 100);
    let e = message(
        read_export("sst.xlsx", &liar, chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(e.contains("more than the size it declares"), "{e}");
}

#[test]
fn a_shared_string_repeated_over_the_text_cap_is_refused() {
    // One shared string of 512 KiB, referenced by 600 cells: 300 MiB of text from a small file (the cap is 64 MiB).
    let strings = format!("<si><t>{}</t></si>", "b".repeat(512 << 10));
    let mut rows = String::from(LINKEDIN_HEADER);
    for r in 2..=601 {
        rows.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#
        ));
    }
    let book = workbook(&format!("<sheetData>{rows}</sheetData>"), &strings);
    let e = message(
        read_export("rep.xlsx", &book, chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(e.contains("64 MiB of text in all"), "{e}");
}

#[test]
fn a_damaged_workbook_is_an_error_not_a_panic() {
    // A shared string index out of range (calamine indexes without checking).
    let sheet = format!(
        "<sheetData>{LINKEDIN_HEADER}<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row></sheetData>"
    );
    let e = message(
        read_export("bad.xlsx", &workbook(&sheet, ""), chrono_tz::UTC)
            .err()
            .unwrap(),
    );
    assert!(e.contains("bad.xlsx") && e.contains("damaged"), "{e}");
    // A cell reference too long for calamine's arithmetic.
    let sheet = format!(
        "<sheetData>{LINKEDIN_HEADER}<row r=\"2\"><c r=\"A99999999999999999999\"><v>1</v></c></row></sheetData>"
    );
    assert!(read_export("bad.xlsx", &workbook(&sheet, ""), chrono_tz::UTC).is_err());
    // Truncated.
    let book = workbook(&format!("<sheetData>{LINKEDIN_HEADER}</sheetData>"), "");
    assert!(read_export("cut.xlsx", &book[..book.len() / 2], chrono_tz::UTC).is_err());
}

// ---------------------------------------------------------------------------------------------------------------
// Property tests: any input gives a clean Ok or Err, never a panic.

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text shaped like a CSV: cells from a small alphabet of what breaks readers (quotes, delimiters, line breaks,
/// dates, long runs), joined by delimiters and line breaks.
fn csv_like() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just(String::new()),
        Just("\"".to_owned()),
        Just("\"a,b\"".to_owned()),
        Just("linkedin".to_owned()),
        Just("2027-01-05".to_owned()),
        Just("1-1-1".to_owned()),
        Just("09:30".to_owned()),
        Just("1:1".to_owned()),
        Just("31/12/2027 2:30 PM".to_owned()),
        Just("draft".to_owned()),
        Just("18446744073709551615".to_owned()),
        Just("\u{2003}".to_owned()),
        Just("\r".to_owned()),
        "[a-z0-9 é'=+-]{0,12}",
    ];
    let sep = prop_oneof![Just(","), Just(";"), Just("\t"), Just("\n"), Just("\r\n")];
    (
        prop_oneof![
            Just(String::new()),
            Just(format!("{CINQ_HEADER}\n")),
            Just("sep=;\n".to_owned()),
            Just("Post id,Date,Post text,Impressions\n".to_owned()),
            Just("Network,Date,Text\n".to_owned())
        ],
        proptest::collection::vec((cell, sep), 0..40),
    )
        .prop_map(|(head, cells)| {
            let mut s = head;
            for (c, d) in cells {
                s.push_str(&c);
                s.push_str(d);
            }
            s
        })
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn the_calendar_csv_readers_never_panic(text in csv_like()) {
        let _ = csv_preview("p.csv", text.as_bytes());
        let (mut store, id) = store_with_strategy();
        if let Ok(p) = csv_preview("p.csv", text.as_bytes()) {
            let _ = store.import_calendar_mapped(id, "p.csv", text.as_bytes(), &p.mapping, true, true);
        }
        let _ = store.import_calendar_csv(id, "p.csv", text.as_bytes());
    }

    #[test]
    fn the_results_csv_readers_never_panic(text in csv_like()) {
        let _ = read_export("r.csv", text.as_bytes(), chrono_tz::UTC);
        let _ = results_csv_preview("r.csv", text.as_bytes());
    }

    #[test]
    fn the_strategy_file_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200),
                                            text in "[{}\\[\\]\":,a-z0-9 ]{0,80}") {
        let _ = parse_strategy_file(&bytes);
        let wrapped = format!(r#"{{"format": "cinq.strategy", "version": 1, "strategy": {text}}}"#);
        let _ = parse_strategy_file(wrapped.as_bytes());
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn the_workbook_reader_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
        cell in "[A-Z]{1,4}[0-9]{1,12}",
        value in "[0-9]{1,4}",
    ) {
        let sheet = format!(
            "<sheetData>{LINKEDIN_HEADER}{}<row r=\"3\"><c r=\"{cell}\" t=\"s\"><v>{value}</v></c></row></sheetData>",
            linkedin_row(2)
        );
        let mut book = workbook(&sheet, "<si><t>a</t></si>");
        for (at, byte) in edits {
            let i = at.index(book.len());
            book[i] = byte;
        }
        if truncate {
            book.truncate(cut.index(book.len() + 1));
        }
        let _ = read_export("w.xlsx", &book, chrono_tz::UTC);
    }
}
