//! Step 4, the import of any spreadsheet's CSV through a column mapping: the preview (encodings, delimiters, header,
//! suggested mapping) and the import (dates, times, networks, per-row errors, skip, dry run, names created).

use cinq_core::audit::CustomNetworkInput;
use cinq_core::calendar::import::{csv_preview, ColumnMapping, CsvPreview};
use cinq_core::calendar::{Post, PostStatus};
use cinq_core::io::csv::DateOrder;
use cinq_core::network::{ContentFormat, NetworkKind};
use cinq_core::objectives::Pillar;
use cinq_core::{ErrorCode, Language, Store, StrategyInput};

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = brand(&mut store);
    (store, id)
}

/// A strategy named "Brand"; its id.
fn brand(store: &mut Store) -> i64 {
    store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::Fr,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap()
        .id
}

fn preview(text: &str) -> CsvPreview {
    csv_preview("plan.csv", text.as_bytes()).unwrap()
}

/// A mapping with nothing but a header.
fn mapping() -> ColumnMapping {
    ColumnMapping {
        has_header: true,
        network: None,
        default_network: None,
        date: None,
        time: None,
        date_order: DateOrder::DayFirst,
        title: None,
        text: None,
        link: None,
        media_notes: None,
        pillar: None,
        topic: None,
        status: None,
        campaign: None,
        editorial_item: None,
        objective: None,
    }
}

/// Every post and idea, by id.
fn all_posts(store: &Store, id: i64) -> Vec<Post> {
    let c = store.calendar(id, None, None).unwrap();
    let mut all: Vec<Post> = c.posts.into_iter().chain(c.ideas).collect();
    all.sort_by_key(|p| p.id);
    all
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------------------------------------------------------
// The preview.

#[test]
fn the_delimiter_is_found_comma_semicolon_tab_or_sep_line() {
    let comma = preview(
        "Date,Text,Link\n31/01/2027,\"Hello; world, again\",https://a.fr\n01/02/2027,Bye,\n",
    );
    assert_eq!(comma.delimiter, ",");
    assert_eq!(comma.columns, ["Date", "Text", "Link"]);
    assert_eq!(
        comma.rows[0],
        ["31/01/2027", "Hello; world, again", "https://a.fr"]
    );

    // French Excel: semicolons, with commas in the texts and decimals.
    let semicolon = preview(
        "Date;Texte;Budget\n31/01/2027;Bonjour, le monde, ici;1,5\n01/02/2027;Salut, toi;2,5\n",
    );
    assert_eq!(semicolon.delimiter, ";");
    assert_eq!(semicolon.columns, ["Date", "Texte", "Budget"]);
    assert_eq!(semicolon.rows[1], ["01/02/2027", "Salut, toi", "2,5"]);

    let tab = preview("Date\tText\n31/01/2027\tHello, world; again\n");
    assert_eq!(tab.delimiter, "\t");
    assert_eq!(tab.columns, ["Date", "Text"]);
    assert_eq!(tab.total_rows, 1);

    // Excel's sep= line names the delimiter and is not a row.
    let sep = preview("sep=;\r\nDate;Texte\r\n31/01/2027;a,b,c,d\r\n");
    assert_eq!(sep.delimiter, ";");
    assert_eq!(sep.columns, ["Date", "Texte"]);
    assert_eq!(sep.rows, [["31/01/2027", "a,b,c,d"]]);
    assert!(sep.mapping.has_header);
}

#[test]
fn utf8_bom_utf16_and_windows_1252_are_read() {
    let text = "Réseau;Légende\ninstagram;Café ☕ à l’atelier\n";
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    for bytes in [with_bom, utf16le(text), utf16be(text)] {
        let p = csv_preview("plan.csv", &bytes).unwrap();
        assert_eq!(p.columns, ["Réseau", "Légende"]);
        assert_eq!(p.rows, [["instagram", "Café ☕ à l’atelier"]]);
        assert_eq!(p.mapping.network, Some(0));
        assert_eq!(p.mapping.text, Some(1));
    }
    // Windows-1252: é is 0xE9, € is 0x80, ’ is 0x92, œ is 0x9C.
    let cp1252 = b"R\xE9seau;L\xE9gende\ninstagram;Caf\xE9 \x80 l\x92\x9Cuvre\n";
    let p = csv_preview("plan.csv", cp1252).unwrap();
    assert_eq!(p.columns, ["Réseau", "Légende"]);
    assert_eq!(p.rows, [["instagram", "Café € l’œuvre"]]);
}

#[test]
fn unreadable_files_are_refused_with_the_file_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let xlsx = b"PK\x03\x04\x14\0\x06\0";
    for (bytes, want) in [
        (b"".as_slice(), "empty"),
        (b"  \r\n\r\n".as_slice(), "empty"),
        (b",,,\r\n, ,,\r\n".as_slice(), "no rows"),
        (png.as_slice(), "not a text file"),
        (xlsx.as_slice(), "Excel"),
        (b"Date,Text\n".as_slice(), "no rows"),
    ] {
        let e = csv_preview("plan.csv", bytes).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidFile);
        assert!(e.to_string().starts_with("plan.csv: "), "{e}");
        assert!(e.to_string().contains(want), "{want:?} in {e}");
    }
    let (mut store, id) = store_with_strategy();
    let e = store
        .import_calendar_mapped(id, "plan.csv", b"", &mapping(), false, false)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidFile);
}

#[test]
fn the_header_is_detected_and_without_one_the_values_suggest_the_mapping() {
    // Names the app does not know, but the next row has dates: a header.
    let p = preview("Quoi,Jour de sortie\nHello,31/01/2027\n");
    assert!(p.mapping.has_header);
    assert_eq!(p.columns, ["Quoi", "Jour de sortie"]);
    assert_eq!(p.mapping.date, Some(1));

    // A Hootsuite-like file: no header.
    let p = preview(
        "31/01/2027 14:30,Our new candle is here: cedar and amber,https://shop.example/cedar\n\
         01/02/2027 09:00,Workshop on Saturday,https://shop.example/workshop\n\
         02/02/2027 18:15,Thank you all!,\n",
    );
    assert!(!p.mapping.has_header);
    assert_eq!(p.columns, ["Column 1", "Column 2", "Column 3"]);
    assert_eq!(p.total_rows, 3);
    assert_eq!(p.rows.len(), 3);
    assert_eq!(p.mapping.date, Some(0));
    assert_eq!(p.mapping.text, Some(1));
    assert_eq!(p.mapping.link, Some(2));
    assert_eq!(p.mapping.network, None);

    // Network names are recognised as values; the longest text column is the text.
    let p = preview("Instagram,31/01/2027,Short,A much longer text for the post\nfb,01/02/2027,Tiny,Another long text here\n");
    assert!(!p.mapping.has_header);
    assert_eq!(p.mapping.network, Some(0));
    assert_eq!(p.mapping.date, Some(1));
    assert_eq!(p.mapping.text, Some(3));

    // Rows are padded to the columns, and at most 20 are shown.
    let mut many = String::from("Date,Text,Extra\n");
    for i in 0..25 {
        many.push_str(&format!("2027-01-{:02},Post {i}\n", i + 1));
    }
    many.push_str("2027-02-01,Last,more\n");
    let p = preview(&many);
    assert_eq!(p.total_rows, 26);
    assert_eq!(p.rows.len(), 20);
    assert_eq!(p.rows[0], ["2027-01-01", "Post 0", ""]);
}

#[test]
fn french_and_english_column_names_suggest_the_mapping() {
    let p = preview(
        "Réseau;Date de publication;Heure;Titre;Légende;Lien;Visuel;Pilier;Thème;Statut;Campagne;Éditorial;Objectif\n\
         instagram;31/01/2027;14h30;Cèdre;Notre bougie;https://a.fr;photo;promotion;Bougies;brouillon;Hiver;Article;Trafic\n",
    );
    let m = &p.mapping;
    assert!(m.has_header);
    assert_eq!(
        [
            m.network,
            m.date,
            m.time,
            m.title,
            m.text,
            m.link,
            m.media_notes,
            m.pillar,
            m.topic,
            m.status,
            m.campaign,
            m.editorial_item,
            m.objective
        ],
        (0..13).map(Some).collect::<Vec<_>>()[..]
    );
    assert_eq!(m.date_order, DateOrder::DayFirst);
    assert!(!p.cinq);

    // Other words, other cases, and names within longer ones.
    let p = preview("PLATFORM,Publish Date,Caption,URL,Hook,Media Notes,STATE,Date de fin prévue\nx,2027-01-31,Hi,,,,,\n");
    let m = &p.mapping;
    assert_eq!(
        (
            m.network,
            m.date,
            m.text,
            m.link,
            m.title,
            m.media_notes,
            m.status
        ),
        (
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6)
        )
    );
    let p = preview("Canal,Contenu du post,Heure de publication\nfb,Bonjour,10:00\n");
    assert_eq!(
        (p.mapping.network, p.mapping.text, p.mapping.time),
        (Some(0), Some(1), Some(2))
    );
}

#[test]
fn cinq_own_csv_is_recognised() {
    let header = "network,date,time,pillar,topic,title,text,link,media_notes,status,editorial_item,objective,campaign";
    let p = preview(&format!(
        "{header}\nlinkedin,2026-03-10,09:00,curation,,Fine,Text,,,draft,,,\n"
    ));
    assert!(p.cinq);
    assert_eq!(p.columns.len(), 13);
    assert_eq!(p.mapping.media_notes, Some(8));
    assert_eq!(p.mapping.editorial_item, Some(10));
    let p = preview("network,date\nlinkedin,2026-03-10\n");
    assert!(!p.cinq);
}

#[test]
fn a_picked_cinq_csv_is_imported_whole_and_never_on_a_dry_run() {
    let (mut store, id) = store_with_strategy();
    let header = "network,date,time,pillar,topic,title,text,link,media_notes,status,editorial_item,objective,campaign";
    let file = format!("{header}\nlinkedin,2026-03-10,09:00,curation,,Fine,Text,,,draft,,,\n");
    // Without a mapping, a dry run is refused and writes nothing.
    let e = store
        .import_calendar_file(id, "plan.csv", file.as_bytes(), None, false, true)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(all_posts(&store, id).is_empty());
    // Without a mapping and no dry run, it is read as Cinq's own CSV.
    let r = store
        .import_calendar_file(id, "plan.csv", file.as_bytes(), None, false, false)
        .unwrap();
    assert!(r.written);
    assert_eq!((r.rows, r.imported), (1, 1));
    assert_eq!(all_posts(&store, id).len(), 1);
    // With a mapping, a dry run counts and writes nothing.
    let p = preview(&file);
    let r = store
        .import_calendar_file(
            id,
            "plan.csv",
            file.as_bytes(),
            Some(&p.mapping),
            false,
            true,
        )
        .unwrap();
    assert!(!r.written);
    assert_eq!(r.imported, 1);
    assert_eq!(all_posts(&store, id).len(), 1);
}

#[test]
fn the_date_order_is_the_one_under_which_every_date_parses() {
    let p = preview("Date,Text\n01/02/2027,a\n12/31/2026,b\n");
    assert_eq!(p.mapping.date_order, DateOrder::MonthFirst);
    let p = preview("Date,Text\n01/02/2027,a\n31/12/2026,b\n");
    assert_eq!(p.mapping.date_order, DateOrder::DayFirst);
    // Ambiguous: day first.
    let p = preview("Date,Text\n01/02/2027,a\n03/04/2027,b\n");
    assert_eq!(p.mapping.date_order, DateOrder::DayFirst);
}

// ---------------------------------------------------------------------------------------------------------------
// The import.

/// Network, date, time, title, text: the columns most tests use.
fn basic() -> ColumnMapping {
    ColumnMapping {
        network: Some(0),
        date: Some(1),
        time: Some(2),
        title: Some(3),
        text: Some(4),
        ..mapping()
    }
}

fn import(
    store: &mut Store,
    id: i64,
    text: &str,
    m: &ColumnMapping,
) -> cinq_core::calendar::import::MappedImportReport {
    store
        .import_calendar_mapped(id, "plan.csv", text.as_bytes(), m, false, false)
        .unwrap()
}

#[test]
fn dates_in_every_order_and_separator() {
    let (mut store, id) = store_with_strategy();
    let file = "Network,Date,Time,Title,Text\n\
        linkedin,2027-01-31,,A,\n\
        linkedin,31/01/2027,,B,\n\
        linkedin,31-01-2027,,C,\n\
        linkedin,31.01.27,,D,\n\
        linkedin,1/2/2027,,E,\n\
        linkedin,2027/02/03,,F,\n";
    let r = import(&mut store, id, file, &basic());
    assert_eq!((r.rows, r.imported, r.error_count), (6, 6, 0));
    assert!(r.written);
    let at: Vec<_> = all_posts(&store, id)
        .into_iter()
        .map(|p| p.data.scheduled_at.unwrap())
        .collect();
    assert_eq!(
        at,
        [
            "2027-01-31T10:00",
            "2027-01-31T10:00",
            "2027-01-31T10:00",
            "2027-01-31T10:00",
            "2027-02-01T10:00",
            "2027-02-03T10:00"
        ]
    );

    let (mut store, id) = store_with_strategy();
    let m = ColumnMapping {
        date_order: DateOrder::MonthFirst,
        ..basic()
    };
    let r = import(
        &mut store,
        id,
        "n,d,t,ti,te\nx,12/31/2026,,A,\nx,1/2/2027,,B,\n",
        &m,
    );
    assert_eq!(r.imported, 2);
    let at: Vec<_> = all_posts(&store, id)
        .into_iter()
        .map(|p| p.data.scheduled_at.unwrap())
        .collect();
    assert_eq!(at, ["2026-12-31T10:00", "2027-01-02T10:00"]);
}

#[test]
fn times_in_their_own_column_or_in_the_date_cell() {
    let (mut store, id) = store_with_strategy();
    let file = "Network,Date,Time,Title,Text\n\
        x,31/01/2027,14h30,A,\n\
        x,31/01/2027,2:30 PM,B,\n\
        x,31/01/2027,14:30:00,C,\n\
        x,31/01/2027,9h,D,\n\
        x,31/01/2027,12:05 am,E,\n\
        x,2027-01-31 14:30,,F,\n\
        x,2027-01-31T08:15:00,,G,\n\
        x,31/01/2027 2:30 PM,,H,\n\
        x,31/01/2027 2:30 PM,18:00,I,\n\
        x,31/01/2027\u{a0}16h45,,J,\n";
    let r = import(&mut store, id, file, &basic());
    assert_eq!((r.imported, r.error_count), (10, 0), "{:?}", r.errors);
    let at: Vec<_> = all_posts(&store, id)
        .into_iter()
        .map(|p| (p.data.title, p.data.scheduled_at.unwrap()))
        .collect();
    let want = [
        ("A", "2027-01-31T14:30"),
        ("B", "2027-01-31T14:30"),
        ("C", "2027-01-31T14:30"),
        ("D", "2027-01-31T09:00"),
        ("E", "2027-01-31T00:05"),
        ("F", "2027-01-31T14:30"),
        ("G", "2027-01-31T08:15"),
        ("H", "2027-01-31T14:30"),
        // The time column wins over a time in the date cell.
        ("I", "2027-01-31T18:00"),
        // A no-break space, as French spreadsheets write.
        ("J", "2027-01-31T16:45"),
    ];
    assert_eq!(at, want.map(|(t, a)| (t.to_owned(), a.to_owned())).to_vec());
}

#[test]
fn rows_without_a_date_become_ideas() {
    let (mut store, id) = store_with_strategy();
    let m = ColumnMapping {
        status: Some(5),
        ..basic()
    };
    let file = "Network,Date,Time,Title,Text,Status\n\
        instagram,,,Idea one,,\n\
        instagram,,,Idea two,,publiée\n\
        instagram,,,Idea three,,Prête\n\
        instagram,31/01/2027,,Dated,,\n\
        instagram,31/01/2027,,Dated scheduled,,Programmée\n";
    let r = import(&mut store, id, file, &m);
    assert_eq!(r.imported, 5);
    let posts = all_posts(&store, id);
    let got: Vec<_> = posts
        .iter()
        .map(|p| (p.data.scheduled_at.is_some(), p.data.status))
        .collect();
    assert_eq!(
        got,
        [
            (false, PostStatus::Idea),
            // An idea cannot be published: it stays ready.
            (false, PostStatus::Ready),
            (false, PostStatus::Ready),
            (true, PostStatus::Draft),
            (true, PostStatus::Scheduled),
        ]
    );
    let c = store.calendar(id, None, None).unwrap();
    assert_eq!((c.posts.len(), c.ideas.len()), (2, 3));
}

#[test]
fn networks_by_key_name_alias_or_the_default() {
    let (mut store, id) = store_with_strategy();
    let custom = store
        .add_custom_network(
            id,
            &CustomNetworkInput {
                name: "Forum Déco".into(),
                kind: NetworkKind::Social,
                max_length: None,
                formats: vec![ContentFormat::Text],
            },
        )
        .unwrap();
    let m = ColumnMapping {
        default_network: Some("linkedin".into()),
        ..basic()
    };
    let file = "Network,Date,Time,Title,Text\n\
        Twitter,,,A,\n\
        fb,,,B,\n\
        IG,,,C,\n\
        Linked In,,,D,\n\
        ,,,E,\n\
        forum deco,,,F,\n\
        Google Business Profile,,,G,\n\
        X,,,H,\n";
    let r = import(&mut store, id, file, &m);
    assert_eq!((r.imported, r.error_count), (8, 0), "{:?}", r.errors);
    let networks: Vec<_> = all_posts(&store, id)
        .into_iter()
        .map(|p| p.data.network)
        .collect();
    assert_eq!(
        networks,
        [
            "x",
            "facebook",
            "instagram",
            "linkedin",
            "linkedin",
            custom.as_str(),
            "google_business",
            "x"
        ]
    );

    // Without a network column, every row takes the default; an unknown default is refused.
    let (mut store, id) = store_with_strategy();
    let m = ColumnMapping {
        network: None,
        default_network: Some("Instagram".into()),
        ..basic()
    };
    let r = import(&mut store, id, "a,b,c,d,e\n,,,,Hello\n", &m);
    assert_eq!(r.imported, 1);
    assert_eq!(all_posts(&store, id)[0].data.network, "instagram");
    let e = store
        .import_calendar_mapped(
            id,
            "plan.csv",
            b"a,b,c,d,e\n,,,,Hello\n",
            &ColumnMapping {
                default_network: Some("myspace".into()),
                ..m
            },
            false,
            false,
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
}

#[test]
fn bad_rows_are_reported_by_line_and_column_and_nothing_is_written() {
    let (mut store, id) = store_with_strategy();
    let m = ColumnMapping {
        pillar: Some(5),
        status: Some(6),
        ..basic()
    };
    let file = "Network,Date,Time,Title,Text,Pillar,Status\n\
        linkedin,31/01/2027,10:00,Fine,Text,curation,draft\n\
        linkedin,31/13/2027,10:00,Bad date,Text,,\n\
        myspace,31/01/2027,10:00,Bad network,Text,,\n\
        linkedin,31/01/2027,25:00,Bad time,Text,,\n\
        linkedin,31/01/2027,,Bad pillar,Text,sales,\n\
        linkedin,31/01/2027,,Bad status,Text,,done\n\
        linkedin,31/01/2027,,,,,\n\
        ,31/01/2027,soon,Two bad cells,Text,,\n";
    let r = import(&mut store, id, file, &m);
    assert!(!r.written);
    assert_eq!((r.rows, r.imported, r.skipped), (8, 0, 0));
    let got: Vec<(u64, &str)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (3, "Date"),
            (4, "Network"),
            (5, "Time"),
            (6, "Pillar"),
            (7, "Status"),
            (8, "Text"),
            (9, "Network"),
            (9, "Time"),
        ]
    );
    assert_eq!(r.error_count, 8);
    assert_eq!(
        r.errors[0].expected.en,
        "a date like 2027-01-31 or 31/01/2027"
    );
    assert_eq!(
        r.errors[0].expected.fr,
        "une date comme 2027-01-31 ou 31/01/2027"
    );
    assert!(r.errors.iter().all(|e| !e.expected.fr.is_empty()));
    assert!(all_posts(&store, id).is_empty());

    // Without a header, the columns are "Column N" and the lines count from 1.
    let r = import(
        &mut store,
        id,
        "linkedin,2027-01-31,,T,x\nlinkedin,someday,,T,x\n",
        &ColumnMapping {
            has_header: false,
            ..basic()
        },
    );
    assert_eq!(
        r.errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect::<Vec<_>>(),
        [(2, "Column 2")]
    );
    assert!(all_posts(&store, id).is_empty());
}

#[test]
fn too_long_cells_are_errors_on_their_column() {
    let (mut store, id) = store_with_strategy();
    let m = ColumnMapping {
        topic: Some(5),
        ..basic()
    };
    let file = format!(
        "Network,Date,Time,Title,Text,Theme\nx,,,{},Text,\nx,,,T,Text,{}\n",
        "t".repeat(301),
        "é".repeat(81)
    );
    let r = import(&mut store, id, &file, &m);
    let got: Vec<(u64, &str, &str)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.expected.en.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "Title", "a text of at most 300 characters"),
            (3, "Theme", "a text of at most 80 characters")
        ]
    );
}

#[test]
fn skipping_invalid_rows_writes_the_good_ones_in_one_go() {
    let (mut store, id) = store_with_strategy();
    let file = "Network,Date,Time,Title,Text\n\
        linkedin,31/01/2027,,Good 1,\n\
        linkedin,31/02/2027,,Bad,\n\
        linkedin,01/02/2027,,Good 2,\n\
        nowhere,01/02/2027,,Bad,\n";
    let r = store
        .import_calendar_mapped(id, "plan.csv", file.as_bytes(), &basic(), true, false)
        .unwrap();
    assert!(r.written);
    assert_eq!((r.rows, r.imported, r.skipped, r.error_count), (4, 2, 2, 2));
    assert_eq!(r.errors.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 5]);
    let titles: Vec<_> = all_posts(&store, id)
        .into_iter()
        .map(|p| p.data.title)
        .collect();
    assert_eq!(titles, ["Good 1", "Good 2"]);
}

#[test]
fn a_dry_run_counts_and_writes_nothing() {
    let (mut store, id) = store_with_strategy();
    let m = ColumnMapping {
        topic: Some(5),
        objective: Some(6),
        editorial_item: Some(7),
        ..basic()
    };
    let file = "Network,Date,Time,Title,Text,Topic,Objective,Editorial\n\
        x,31/01/2027,,A,,Candles,Traffic,Spring article\n\
        x,01/02/2027,,B,,candles,Traffic,Spring article\n\
        x,bad,,C,,,,\n";
    let before = store.strategy(id).unwrap().updated_at;
    // Without skipping, a bad row stops everything, dry run or not; a dry run still counts the good and bad rows.
    let r = store
        .import_calendar_mapped(id, "plan.csv", file.as_bytes(), &m, false, true)
        .unwrap();
    assert_eq!(
        (r.imported, r.skipped, r.error_count, r.written),
        (2, 1, 1, false)
    );
    let r = store
        .import_calendar_mapped(id, "plan.csv", file.as_bytes(), &m, false, false)
        .unwrap();
    assert_eq!(
        (r.imported, r.skipped, r.error_count, r.written),
        (0, 0, 1, false)
    );
    let r = store
        .import_calendar_mapped(id, "plan.csv", file.as_bytes(), &m, true, true)
        .unwrap();
    assert_eq!(
        (r.rows, r.imported, r.skipped, r.error_count, r.written),
        (3, 2, 1, 1, false)
    );
    assert_eq!(
        (r.created_topics, r.created_objectives, r.created_editorial),
        (1, 1, 1)
    );
    assert!(all_posts(&store, id).is_empty());
    let o = store.objectives(id).unwrap();
    assert!(o.topics.is_empty() && o.objectives.is_empty());
    assert!(store.calendar(id, None, None).unwrap().editorial.is_empty());
    assert_eq!(store.strategy(id).unwrap().updated_at, before);

    // The real run does what the dry run said.
    let real = store
        .import_calendar_mapped(id, "plan.csv", file.as_bytes(), &m, true, false)
        .unwrap();
    assert_eq!(
        (
            real.imported,
            real.skipped,
            real.created_topics,
            real.created_objectives,
            real.created_editorial
        ),
        (2, 1, 1, 1, 1)
    );
    assert!(real.written);
}

#[test]
fn topics_objectives_and_editorial_items_are_found_or_created_by_name() {
    let (mut store, id) = store_with_strategy();
    let existing = store
        .save_topic(
            id,
            None,
            &cinq_core::objectives::TopicInput {
                pillar: Pillar::Curation,
                name: "Savoir-faire".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let m = ColumnMapping {
        pillar: Some(5),
        topic: Some(6),
        objective: Some(7),
        editorial_item: Some(8),
        ..basic()
    };
    let file = "Network,Date,Time,Title,Text,Pillar,Topic,Objective,Editorial\n\
        instagram,31/01/2027,,A,,Interaction,SAVOIR-FAIRE,,\n\
        instagram,01/02/2027,,B,,Interaction,Coulisses,More visits,Spring guide\n\
        instagram,,,C,,,coulisses,More visits,Spring guide\n\
        instagram,,,D,,promo,Offres,,\n";
    let r = import(&mut store, id, file, &m);
    assert_eq!(
        (
            r.imported,
            r.created_topics,
            r.created_objectives,
            r.created_editorial
        ),
        (4, 2, 1, 1)
    );
    let o = store.objectives(id).unwrap();
    let topic = |name: &str| o.topics.iter().find(|t| t.data.name == name).unwrap();
    assert_eq!(topic("Coulisses").data.pillar, Pillar::Interaction);
    assert_eq!(topic("Offres").data.pillar, Pillar::Promotion);
    let objective = o
        .objectives
        .iter()
        .find(|x| x.data.title == "More visits")
        .unwrap()
        .id;
    let c = store.calendar(id, None, None).unwrap();
    assert_eq!(c.editorial.len(), 1);
    // A new editorial item is on the day of the first post that names it.
    assert_eq!(c.editorial[0].data.date, "2027-02-01");
    let posts = all_posts(&store, id);
    assert_eq!(posts[0].data.topic_id, Some(existing));
    assert_eq!(posts[1].data.topic_id, Some(topic("Coulisses").id));
    assert_eq!(posts[2].data.topic_id, Some(topic("Coulisses").id));
    assert_eq!(posts[1].data.objective_id, Some(objective));
    assert_eq!(posts[2].data.editorial_item_id, Some(c.editorial[0].id));
    assert_eq!(posts[3].data.pillar, Some(Pillar::Promotion));

    // Imported again: everything is found, nothing is created.
    let r = import(&mut store, id, file, &m);
    assert_eq!(
        (
            r.imported,
            r.created_topics,
            r.created_objectives,
            r.created_editorial
        ),
        (4, 0, 0, 0)
    );
}

#[test]
fn every_field_lands_where_the_mapping_says() {
    let (mut store, id) = store_with_strategy();
    let file = "Texte;Lien;Visuel;Campagne;Réseau;Date\n\
        \"Deux lignes,\nune virgule\";https://a.fr;Photo du cèdre;Hiver;linkedin;31/01/2027\n\
        '=SUM(A1);;;;linkedin;31/01/2027\n";
    let p = csv_preview("plan.csv", file.as_bytes()).unwrap();
    let r = import(&mut store, id, file, &p.mapping);
    assert_eq!(r.imported, 2, "{:?}", r.errors);
    let posts = all_posts(&store, id);
    let d = &posts[0].data;
    assert_eq!(d.text, "Deux lignes,\nune virgule");
    assert_eq!(d.link, "https://a.fr");
    assert_eq!(d.media_notes, "Photo du cèdre");
    assert_eq!(d.campaign, "Hiver");
    assert_eq!(d.title, "");
    assert_eq!(d.pillar, None);
    assert_eq!(d.status, PostStatus::Draft);
    // A cell an export made safe comes back as typed.
    assert_eq!(posts[1].data.text, "=SUM(A1)");
}

#[test]
fn a_line_break_in_a_quoted_cell_keeps_the_line_numbers_right() {
    let (mut store, id) = store_with_strategy();
    let file = "Network,Date,Time,Title,Text\r\n\
        x,31/01/2027,,A,\"first line\r\nsecond line\r\nthird line\"\r\n\
        x,31/01/2027,,B,fine\r\n\
        \r\n\
        x,never,,C,bad\r\n";
    let r = import(&mut store, id, file, &basic());
    assert_eq!(
        r.errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect::<Vec<_>>(),
        [(7, "Date")]
    );
    // With a sep= line, lines count from the top of the file too.
    let r = import(&mut store, id, &format!("sep=,\r\n{file}"), &basic());
    assert_eq!(r.errors[0].line, 8);
    let r = store
        .import_calendar_mapped(
            id,
            "plan.csv",
            &utf16le(&format!("sep=,\r\n{file}")),
            &basic(),
            true,
            false,
        )
        .unwrap();
    assert_eq!((r.imported, r.errors[0].line), (2, 8));
    assert_eq!(
        all_posts(&store, id)[0].data.text,
        "first line\r\nsecond line\r\nthird line"
    );
}

#[test]
fn errors_are_listed_up_to_200_and_all_counted() {
    let (mut store, id) = store_with_strategy();
    let mut file = String::from("Network,Date,Time,Title,Text\n");
    for _ in 0..250 {
        file.push_str("x,nope,,T,\n");
    }
    let r = import(&mut store, id, &file, &basic());
    assert_eq!((r.errors.len(), r.error_count, r.rows), (200, 250, 250));
    assert_eq!(r.errors[199].line, 201);
}

#[test]
fn a_large_file_imports_in_one_transaction() {
    let (mut store, id) = store_with_strategy();
    let mut file = String::from("Réseau;Date;Heure;Titre;Texte;Thème\n");
    let n = 20_000;
    for i in 0..n {
        file.push_str(&format!(
            "instagram;{:02}/{:02}/2027;{:02}:{:02};Post {i};Texte {i};Thème {}\n",
            i % 28 + 1,
            i % 12 + 1,
            i % 24,
            i % 60,
            i % 50
        ));
    }
    let p = csv_preview("big.csv", file.as_bytes()).unwrap();
    assert_eq!(p.total_rows, n);
    let r = import(&mut store, id, &file, &p.mapping);
    assert_eq!((r.imported, r.created_topics), (n, 50));
    assert_eq!(all_posts(&store, id).len(), n as usize);
}

#[test]
fn the_cinq_import_reads_the_same_encodings_and_sep_line() {
    let (mut store, id) = store_with_strategy();
    let file = "sep=;\r\nnetwork;date;time;pillar;topic;title;text;link;media_notes;status;editorial_item;objective;campaign\r\n\
        linkedin;2026-03-10;09:00;curation;;Fine;Café, crème;;;draft;;;\r\n";
    assert!(csv_preview("plan.csv", &utf16le(file)).unwrap().cinq);
    let r = store
        .import_calendar_csv(id, "plan.csv", &utf16le(file))
        .unwrap();
    assert_eq!(r.posts, 1);
    assert_eq!(all_posts(&store, id)[0].data.text, "Café, crème");
    let bad = file.replace("2026-03-10", "10/03/2026");
    let e = store
        .import_calendar_csv(id, "plan.csv", bad.as_bytes())
        .unwrap_err();
    assert!(e.to_string().contains("line 3, column date"), "{e}");
}

#[test]
fn an_unknown_strategy_is_not_found() {
    let (mut store, _) = store_with_strategy();
    let e = store
        .import_calendar_mapped(999, "plan.csv", b"a\nb\n", &basic(), false, true)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}

/// A whole-file import goes through the write-ahead log, alone or beside another connection (the app, while the CLI
/// imports), without waiting: the file stays in WAL mode, and a refused file writes nothing.
#[test]
fn a_whole_file_import_has_the_file_to_itself_or_shares_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cinq.sqlite3");
    let wal = dir.path().join("cinq.sqlite3-wal");
    let mut store = Store::open(&path).unwrap();
    let id = brand(&mut store);
    let mut file =
        String::from("network;date;time;pillar;topic;title;text;link;media_notes;status;editorial_item;objective;campaign\n");
    for day in 1..=28 {
        file.push_str(&format!(
            "linkedin;2026-03-{day:02};09:00;curation;Tips;Post {day};Text;;;draft;;;\n"
        ));
    }
    let mode = |store: &Store| -> String {
        store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    };
    let wal_len = || std::fs::metadata(&wal).map_or(0, |m| m.len());
    let import = |store: &mut Store| {
        let posts = store
            .import_calendar_csv(id, "plan.csv", file.as_bytes())
            .unwrap()
            .posts;
        assert_eq!(posts, 28);
        assert_eq!(mode(store), "wal");
    };

    import(&mut store);
    assert!(wal_len() > 0, "alone, the import goes through the log");

    let other = rusqlite::Connection::open(&path).unwrap();
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM post", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&other), 28);
    import(&mut store);
    assert!(
        wal_len() > 0,
        "beside another connection, the import goes through the log"
    );
    assert_eq!(count(&other), 56);
    drop(other);

    let bad = file.replace("2026-03-28", "28/03/2026");
    assert!(store
        .import_calendar_csv(id, "plan.csv", bad.as_bytes())
        .is_err());
    assert_eq!(mode(&store), "wal");
    assert_eq!(all_posts(&store, id).len(), 56);
}
