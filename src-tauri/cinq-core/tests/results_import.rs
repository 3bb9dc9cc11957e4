//! Step 5, the import of the networks' exports: each export recognised by its columns (X's two exports, Meta
//! Business Suite's Facebook and Instagram exports, LinkedIn's page-posts workbook), the measures read into the right
//! fields, per-row errors with their line and column, all or nothing, the dry run, the matching to planned posts
//! (by id, permalink, time and text), unplanned posts and linking them, dated snapshots on re-import, the cancel, the
//! manual results, and a stable "fuzz smoke" test of the reader.

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Europe::Paris;
use cinq_core::adapt::results::{Measures, PostResults, ResultSource, TypedMeasures};
use cinq_core::adapt::results_import::{
    read_export, Export, ExportKind, ResultsImportOptions, ResultsImportReport, PROGRESS_EVERY,
};
use cinq_core::calendar::{PostInput, PostStatus};
use cinq_core::network::ContentFormat;
use cinq_core::{CoreError, Language, Store, StrategyInput};

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

fn brand() -> StrategyInput {
    StrategyInput {
        name: "Brand".into(),
        organisation: String::new(),
        sector: String::new(),
        language: Language::Fr,
        timezone: "Europe/Paris".into(),
        start_date: "2026-01-01".into(),
    }
}

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_strategy(&brand()).unwrap();
    (store, s.id)
}

/// A planned (scheduled) post.
fn plan(store: &mut Store, id: i64, network: &str, at: &str, title: &str, text: &str) -> i64 {
    store
        .save_post(
            id,
            None,
            &PostInput {
                network: network.into(),
                scheduled_at: Some(at.into()),
                pillar: None,
                topic_id: None,
                title: title.into(),
                text: text.into(),
                link: String::new(),
                media_notes: String::new(),
                status: PostStatus::Scheduled,
                editorial_item_id: None,
                objective_id: None,
                campaign: String::new(),
                planned: false,
                recycled_from: None,
            },
        )
        .unwrap()
}

fn options(taken_on: &str) -> ResultsImportOptions {
    ResultsImportOptions {
        skip_invalid: false,
        dry_run: false,
        taken_on: Some(taken_on.into()),
    }
}

fn import(
    store: &mut Store,
    id: i64,
    file: &str,
    bytes: &[u8],
    options: &ResultsImportOptions,
) -> ResultsImportReport {
    store
        .import_results(id, file, bytes, options, &mut |_, _| true)
        .unwrap()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// `(posts, publications, snapshots)`.
fn db_counts(store: &Store) -> (i64, i64, i64) {
    (
        count(store, "post"),
        count(store, "publication"),
        count(store, "result_snapshot"),
    )
}

fn results(store: &Store, id: i64, post: i64) -> PostResults {
    store.post_results(id, post).unwrap()
}

fn latest(store: &Store, id: i64, post: i64) -> Measures {
    *results(store, id, post)
        .latest()
        .expect("the post has results")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

fn bom(text: &str) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.as_bytes());
    out
}

fn read(file: &str, bytes: &[u8]) -> Export {
    read_export(file, bytes, Paris).unwrap()
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures, in each export's real shape.

const X_POSTS_HEADER: &str =
    "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,\
New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks";

/// One row of X's post export; `counts` in the header's order from Impressions to URL Clicks.
fn x_row(id: &str, date: &str, text: &str, counts: &str) -> String {
    format!(
        "{id},\"{date}\",\"{}\",https://x.com/cafebrulot/status/{id},{counts}",
        text.replace('"', "\"\"")
    )
}

const X_TEXT_1: &str =
    "Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés frappés.\n\
Venez goûter !";
const X_TEXT_2: &str =
    "Fermeture exceptionnelle jeudi pour inventaire. Merci de votre compréhension";
const X_TEXT_3: &str = "Concours photo : partagez votre plus belle tasse avec #CafeBrulot";

/// X's post export: three posts, the first one's text on two lines (lines 2-3, then 4 and 5).
fn x_posts() -> String {
    x_posts_with([
        "\"1,234\",48,97,6,2,3,5,7,12,20,9",
        "812,15,30,1,0,0,4,2,3,5,0",
        "2310,120,260,14,6,11,30,25,40,22,18",
    ])
}

fn x_posts_with(counts: [&str; 3]) -> String {
    [
        X_POSTS_HEADER.to_owned(),
        x_row(
            "1944000000000000001",
            "Tue, Jul 14, 2026",
            X_TEXT_1,
            counts[0],
        ),
        x_row(
            "1944000000000000002",
            "Wed, Jul 15, 2026",
            X_TEXT_2,
            counts[1],
        ),
        x_row(
            "1944000000000000003",
            "Thu, Jul 16, 2026",
            X_TEXT_3,
            counts[2],
        ),
    ]
    .join("\n")
        + "\n"
}

const X_TWEETS_HEADER: &str = "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,\
retweets,replies,likes,user profile clicks,url clicks,hashtag clicks,detail expands,permalink clicks,app opens,\
app installs,follows,email tweet,dial phone,media views,media engagements";

/// A row of the activity export, its counts padded with empty fields to the header's 22 (a row cut short is refused).
fn tweet(id: &str, time: &str, text: &str, counts: &str) -> String {
    let pad = ",".repeat(18usize.saturating_sub(counts.split(',').count()));
    format!("{id},https://twitter.com/cafebrulot/status/{id},\"{text}\",{time},{counts}{pad}")
}

/// X's older tweet activity export (numbers written `1520.0`, times in UTC).
fn x_tweets() -> String {
    [
        X_TWEETS_HEADER.to_owned(),
        tweet(
            "1812345678901234567",
            "2026-07-14 07:30 +0000",
            "Notre nouvelle carte d'été arrive : glaces artisanales et sorbets maison",
            "1520.0,88.0,0.05789473684210526,9.0,4.0,31.0,6.0,12.0,0.0,18.0,2.0,0.0,0.0,1.0,0.0,0.0,0.0,0.0",
        ),
        tweet(
            "1812345678901234999",
            "2026-01-10 17:05 +0000",
            "Bonne année à tous nos clients !",
            "640.0,20.0,0.03125,2.0,1.0,15.0,1.0,0.0,0.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,310.0,12.0",
        ),
    ]
    .join("\n")
        + "\n"
}

const FB_HEADER: &str = "Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,\
Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,\
Impressions,Reach,\"Reactions, comments and shares\",Reactions,Comments,Shares,Total clicks,Link clicks,\
Other Clicks,3-second video views";

const FB_ROW_1: &str = "104857600000001_870000000000001,104857600000001,Café Brûlot,,\"Notre nouvelle carte d'été \
arrive : glaces artisanales, sorbets maison et cafés frappés.\",,07/14/2026 09:30,,\
https://www.facebook.com/104857600000001/posts/870000000000001,No,No,Photos,,,,,Lifetime,2450,1980,143,112,21,10,\
87,34,53,";

const FB_ROW_2: &str = "104857600000001_870000000000002,104857600000001,Café Brûlot,Les coulisses de la \
torréfaction,\"Une matinée avec notre torréfacteur, de la fève verte à la tasse.\",95,07/15/2026 18:00,,\
https://www.facebook.com/reel/870000000000002,No,No,Reels,fr,,,,Lifetime,\"5,210\",4630,388,301,52,35,210,0,210,\
\"2,940\"";

/// Meta Business Suite's Facebook export, UTF-8 with a BOM.
fn facebook_utf8() -> Vec<u8> {
    bom(&format!("{FB_HEADER}\r\n{FB_ROW_1}\r\n{FB_ROW_2}\r\n"))
}

/// The same, as Excel saves it: UTF-16 LE with its BOM and a `sep=,` first line; `row_2` replaces the second row.
fn facebook_utf16(row_2: &str) -> Vec<u8> {
    utf16le(&format!(
        "sep=,\r\n{FB_HEADER}\r\n{FB_ROW_1}\r\n{row_2}\r\n"
    ))
}

const IG_HEADER: &str =
    "Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,\
Permalink,Post type,Data comment,Date,Impressions,Reach,Likes,Shares,Follows,Comments,Saves,Plays";

fn instagram() -> String {
    [
        IG_HEADER,
        "18040000000000001,17841400000000001,cafebrulot,Café Brûlot,\"Trois nouveaux parfums de glace cette \
         semaine : pistache, framboise, café.\",0,07/14/2026 12:00,https://www.instagram.com/p/C9aBcDeFgHi/,\
         IG carousel,,Lifetime,3120,2540,287,19,4,23,41,",
        "18040000000000002,17841400000000001,cafebrulot,Café Brûlot,Latte art en accéléré ☕,21,07/15/2026 18:30,\
         https://www.instagram.com/reel/C9xYzUvWrSt/,IG reel,,Lifetime,8800,6100,512,77,12,38,96,\"10,450\"",
        "18040000000000003,17841400000000001,cafebrulot,Café Brûlot,La terrasse est ouverte jusqu'à 22h,0,\
         07/16/2026 20:15,https://www.instagram.com/p/C9qRsTuVwXy/,IG image,,Lifetime,1900,1650,140,3,0,9,5,",
    ]
    .join("\n")
        + "\n"
}

/// A later month's Instagram export: `Views` instead of `Impressions`, the columns in another order, no `Plays`,
/// and columns Cinq does not know.
fn instagram_august() -> String {
    "Account username,Post ID,Publish time,Post type,Permalink,Description,Views,Reach,Likes,Comments,Shares,Saves,\
     Follows,Profile visits,Replies,Navigation,Account ID,Duration (sec)\n\
     cafebrulot,18040000000000010,08/02/2026 09:00,IG reel,https://www.instagram.com/reel/DAbc123xyz/,\
     Nouveau : le cold brew maison,12400,9020,640,45,88,130,21,310,4,57,17841400000000001,18\n\
     cafebrulot,18040000000000011,08/03/2026 11:45,IG carousel,https://www.instagram.com/p/DAdef456uvw/,\
     Nos trois origines du mois,4100,3300,221,12,9,64,3,95,0,12,17841400000000001,0\n"
        .to_owned()
}

#[derive(Clone, Copy)]
enum Cell<'a> {
    S(&'a str),
    N(f64),
    /// A real Excel date, formatted `mm/dd/yyyy`.
    D(u16, u8, u8),
    E,
}

const LI_HEADER: [&str; 20] = [
    "Post title",
    "Post link",
    "Post type",
    "Campaign name",
    "Posted by",
    "Created date",
    "Campaign start date",
    "Campaign end date",
    "Audience",
    "Impressions",
    "Views (excluding off-site video views)",
    "Off-site views",
    "Clicks",
    "Click through rate (CTR)",
    "Likes",
    "Comments",
    "Reposts",
    "Follows",
    "Engagement rate",
    "Content Type",
];

const LI_LINK_1: &str = "https://www.linkedin.com/feed/update/urn:li:activity:7218000000000000001";
const LI_LINK_2: &str = "https://www.linkedin.com/feed/update/urn:li:activity:7218000000000000002";

/// LinkedIn's two posts; `date` gives each one's Created date cell.
fn linkedin_rows<'a>(
    date_1: Cell<'a>,
    date_2: Cell<'a>,
    impressions_2: Cell<'a>,
) -> Vec<[Cell<'a>; 20]> {
    use Cell::*;
    vec![
        [
            S("Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés frappés."),
            S(LI_LINK_1),
            S("Organic"),
            E,
            S("Camille Martin"),
            date_1,
            E,
            E,
            S("All followers"),
            N(1840.0),
            E,
            E,
            N(96.0),
            N(0.05217391304347826),
            N(57.0),
            N(8.0),
            N(5.0),
            N(2.0),
            N(0.03858695652173913),
            S("Image"),
        ],
        [
            S("Nous recrutons un barista pour la saison, à Lyon. Envoyez-nous votre CV !"),
            S(LI_LINK_2),
            S("Organic"),
            E,
            S("Camille Martin"),
            date_2,
            E,
            E,
            S("All followers"),
            impressions_2,
            N(1210.0),
            N(14.0),
            N(143.0),
            N(0.044),
            N(102.0),
            N(17.0),
            N(11.0),
            N(6.0),
            N(0.0701),
            S("Video"),
        ],
    ]
}

/// LinkedIn's page-posts workbook: a "Metrics" sheet first, then "All posts" with a description line above the
/// header (so the data rows are lines 3 and 4).
fn linkedin_xlsx(rows: &[[Cell; 20]]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let metrics = book.add_worksheet();
    metrics.set_name("Metrics").unwrap();
    metrics
        .write_row(
            0,
            0,
            [
                "Date",
                "Impressions (organic)",
                "Impressions (sponsored)",
                "Clicks (organic)",
            ],
        )
        .unwrap();
    metrics.write_string(1, 0, "07/14/2026").unwrap();
    metrics.write_row(1, 1, [1840.0, 0.0, 96.0]).unwrap();
    let posts = book.add_worksheet();
    posts.set_name("All posts").unwrap();
    posts
        .write_string(
            0,
            0,
            "All posts data for Café Brûlot. Aggregated values for the selected date range 07/01/2026 - 07/31/2026",
        )
        .unwrap();
    posts.write_row(1, 0, LI_HEADER).unwrap();
    let date_format = Format::new().set_num_format("mm/dd/yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match *cell {
                Cell::S(s) => {
                    posts.write_string(r, c, s).unwrap();
                }
                Cell::N(n) => {
                    posts.write_number(r, c, n).unwrap();
                }
                Cell::D(y, m, d) => {
                    posts
                        .write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(y, m, d).unwrap(),
                            &date_format,
                        )
                        .unwrap();
                }
                Cell::E => {}
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn linkedin_text_dates() -> Vec<u8> {
    linkedin_xlsx(&linkedin_rows(
        Cell::S("07/14/2026"),
        Cell::S("07/15/2026"),
        Cell::N(3250.0),
    ))
}

fn linkedin_excel_dates() -> Vec<u8> {
    linkedin_xlsx(&linkedin_rows(
        Cell::D(2026, 7, 14),
        Cell::D(2026, 7, 15),
        Cell::N(3250.0),
    ))
}

// ---------------------------------------------------------------------------------------------------------------
// Recognition and measures.

#[test]
fn x_post_export_is_recognised_and_its_measures_read() {
    // The file name says LinkedIn and .xlsx: only the columns count.
    let e = read("linkedin_posts.xlsx", x_posts().as_bytes());
    assert_eq!(e.kind, ExportKind::XPosts);
    assert_eq!(e.kind.network(), "x");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert_eq!(e.rows.len(), 3);
    let r = &e.rows[0];
    assert_eq!(r.line, 2);
    assert_eq!(r.external_id, "1944000000000000001");
    assert_eq!(
        r.permalink,
        "https://x.com/cafebrulot/status/1944000000000000001"
    );
    assert_eq!(r.text, X_TEXT_1);
    assert_eq!(r.published, at("2026-07-14T00:00"));
    assert!(!r.has_time, "X's post export gives the day alone");
    assert_eq!(r.format, None);
    assert_eq!(
        r.measures,
        Measures {
            impressions: Some(1234),
            reach: None,
            reactions: Some(48),
            comments: Some(5),
            // Reposts (7) + Shares (2).
            shares: Some(9),
            saves: Some(6),
            clicks: Some(9),
            video_views: None,
            follows: Some(3),
            leads: None,
        }
    );
    // The first row's text holds a line break: the next row starts on line 4.
    assert_eq!(e.rows[1].line, 4);
    assert_eq!(e.rows[1].measures.shares, Some(2));
    assert_eq!(e.rows[2].line, 5);
    assert_eq!(e.rows[2].measures.shares, Some(31));
    assert_eq!(e.rows[2].measures.clicks, Some(18));
    assert_eq!(e.rows[2].published, at("2026-07-16T00:00"));
}

#[test]
fn x_tweet_activity_export_is_recognised_and_times_converted() {
    let e = read("export.csv", x_tweets().as_bytes());
    assert_eq!(e.kind, ExportKind::XTweets);
    assert_eq!(e.rows.len(), 2);
    let r = &e.rows[0];
    assert_eq!(r.external_id, "1812345678901234567");
    assert_eq!(
        r.permalink,
        "https://twitter.com/cafebrulot/status/1812345678901234567"
    );
    // 07:30 UTC is 09:30 in Paris in summer (UTC+2)…
    assert_eq!(r.published, at("2026-07-14T09:30"));
    assert!(r.has_time);
    assert_eq!(
        r.measures,
        Measures {
            impressions: Some(1520),
            reach: None,
            reactions: Some(31),
            comments: Some(4),
            shares: Some(9),
            saves: None,
            clicks: Some(12),
            video_views: Some(0),
            follows: Some(1),
            leads: None,
        }
    );
    // … and 17:05 UTC is 18:05 in winter (UTC+1).
    assert_eq!(e.rows[1].published, at("2026-01-10T18:05"));
    assert_eq!(e.rows[1].measures.video_views, Some(310));
    assert_eq!(e.rows[1].measures.reactions, Some(15));
}

#[test]
fn facebook_export_is_recognised_in_utf8_and_utf16() {
    let want_1 = Measures {
        impressions: Some(2450),
        reach: Some(1980),
        // "Reactions", not "Reactions, comments and shares" (143).
        reactions: Some(112),
        comments: Some(21),
        shares: Some(10),
        saves: None,
        // Link clicks (34), rather than Total clicks (87).
        clicks: Some(34),
        video_views: None,
        follows: None,
        leads: None,
    };
    for (name, bytes, first_line) in [
        ("instagram.csv", facebook_utf8(), 2),
        ("Facebook posts.csv", facebook_utf16(FB_ROW_2), 3),
    ] {
        let e = read(name, &bytes);
        assert_eq!(e.kind, ExportKind::FacebookPosts, "{name}");
        assert!(e.errors.is_empty(), "{name}: {:?}", e.errors);
        assert_eq!(e.rows.len(), 2);
        let r = &e.rows[0];
        assert_eq!(
            r.line, first_line,
            "{name}: the header (and the sep= line) count"
        );
        assert_eq!(r.external_id, "104857600000001_870000000000001");
        assert_eq!(
            r.permalink,
            "https://www.facebook.com/104857600000001/posts/870000000000001"
        );
        assert!(
            r.text.starts_with("Notre nouvelle carte d'été"),
            "{}",
            r.text
        );
        assert_eq!(r.published, at("2026-07-14T09:30"));
        assert!(r.has_time);
        assert_eq!(r.format, Some(ContentFormat::Photo));
        assert_eq!(r.measures, want_1, "{name}");
        let r = &e.rows[1];
        assert_eq!(r.format, Some(ContentFormat::ShortVideo), "a Reel");
        assert_eq!(r.measures.impressions, Some(5210));
        assert_eq!(r.measures.reactions, Some(301));
        assert_eq!(r.measures.clicks, Some(0));
        assert_eq!(r.measures.video_views, Some(2940));
        assert_eq!(r.published, at("2026-07-15T18:00"));
    }
}

#[test]
fn instagram_export_is_recognised_and_formats_mapped() {
    let e = read("facebook_posts.csv", instagram().as_bytes());
    assert_eq!(e.kind, ExportKind::InstagramPosts);
    assert_eq!(e.kind.network(), "instagram");
    assert_eq!(e.rows.len(), 3);
    let formats: Vec<_> = e.rows.iter().map(|r| r.format).collect();
    assert_eq!(
        formats,
        [
            Some(ContentFormat::Carousel),
            Some(ContentFormat::ShortVideo),
            Some(ContentFormat::Photo)
        ]
    );
    assert_eq!(
        e.rows[0].measures,
        Measures {
            impressions: Some(3120),
            reach: Some(2540),
            reactions: Some(287),
            comments: Some(23),
            shares: Some(19),
            saves: Some(41),
            clicks: None,
            video_views: None,
            follows: Some(4),
            leads: None,
        }
    );
    assert_eq!(e.rows[1].measures.video_views, Some(10450));
    assert_eq!(e.rows[1].text, "Latte art en accéléré ☕");
    assert_eq!(e.rows[2].published, at("2026-07-16T20:15"));
    assert_eq!(e.rows[2].measures.follows, Some(0));
}

#[test]
fn a_later_instagram_export_is_read_by_column_names() {
    let e = read("ig.csv", instagram_august().as_bytes());
    assert_eq!(e.kind, ExportKind::InstagramPosts);
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let r = &e.rows[0];
    assert_eq!(r.external_id, "18040000000000010");
    assert_eq!(r.permalink, "https://www.instagram.com/reel/DAbc123xyz/");
    assert_eq!(r.text, "Nouveau : le cold brew maison");
    assert_eq!(r.published, at("2026-08-02T09:00"));
    assert_eq!(r.format, Some(ContentFormat::ShortVideo));
    assert_eq!(
        r.measures,
        Measures {
            // "Views" when there are no "Impressions".
            impressions: Some(12400),
            reach: Some(9020),
            reactions: Some(640),
            comments: Some(45),
            shares: Some(88),
            saves: Some(130),
            clicks: None,
            video_views: None,
            follows: Some(21),
            leads: None,
        }
    );
    assert_eq!(e.rows[1].format, Some(ContentFormat::Carousel));
    assert_eq!(e.rows[1].measures.saves, Some(64));
}

#[test]
fn linkedin_workbook_is_recognised_on_its_posts_sheet() {
    for (name, bytes) in [
        ("tweets.csv", linkedin_text_dates()),
        ("linkedin.xlsx", linkedin_excel_dates()),
    ] {
        let e = read(name, &bytes);
        assert_eq!(e.kind, ExportKind::LinkedinPosts, "{name}");
        assert!(e.errors.is_empty(), "{name}: {:?}", e.errors);
        assert_eq!(e.rows.len(), 2, "{name}");
        let r = &e.rows[0];
        assert_eq!(
            r.line, 3,
            "{name}: the title line and the header come first"
        );
        assert_eq!(r.external_id, "");
        assert_eq!(r.permalink, LI_LINK_1);
        assert_eq!(
            r.text,
            "Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés frappés."
        );
        assert_eq!(r.published, at("2026-07-14T00:00"), "{name}");
        assert!(
            !r.has_time,
            "{name}: a date alone, as text or as an Excel date"
        );
        assert_eq!(
            r.measures,
            Measures {
                impressions: Some(1840),
                reach: None,
                reactions: Some(57),
                comments: Some(8),
                // Reposts.
                shares: Some(5),
                saves: None,
                clicks: Some(96),
                video_views: None,
                follows: Some(2),
                leads: None,
            },
            "{name}"
        );
        // "Post type" says Organic; the format is in "Content Type".
        assert_eq!(r.format, Some(ContentFormat::Photo), "{name}");
        let r = &e.rows[1];
        assert_eq!(r.line, 4);
        assert_eq!(r.published, at("2026-07-15T00:00"), "{name}");
        assert_eq!(r.measures.impressions, Some(3250));
        assert_eq!(r.measures.video_views, Some(1210));
        assert_eq!(r.measures.shares, Some(11));
        assert_eq!(r.format, Some(ContentFormat::Video), "{name}");
    }
}

#[test]
fn an_unknown_file_says_what_is_expected() {
    let err = read_export(
        "budget.csv",
        b"Campaign,Budget,Spend\nSummer,1000,850\n",
        Paris,
    )
    .unwrap_err();
    let CoreError::InvalidFile(message) = err else {
        panic!("expected InvalidFile, got {err:?}");
    };
    for part in [
        "budget.csv",
        "Post id",
        "Tweet id",
        "Publish time",
        "Created date",
        "Campaign, Budget, Spend",
    ] {
        assert!(message.contains(part), "{part:?} missing from: {message}");
    }
    // A workbook with no known header either.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write_row(0, 0, ["Name", "Email"])
        .unwrap();
    let err = read_export("people.xlsx", &book.save_to_buffer().unwrap(), Paris).unwrap_err();
    assert!(matches!(err, CoreError::InvalidFile(_)), "{err:?}");
    // A known export whose date column was renamed: said so, not a crash.
    let renamed = x_posts().replacen(",Date,", ",Day,", 1);
    let err = read_export("x.csv", renamed.as_bytes(), Paris).unwrap_err();
    let CoreError::InvalidFile(message) = err else {
        panic!("expected InvalidFile, got {err:?}");
    };
    assert!(
        message.contains("X post export") && message.contains("date column"),
        "{message}"
    );
    // Not a workbook, not text.
    assert!(matches!(
        read_export("x.csv", b"", Paris),
        Err(CoreError::InvalidFile(_))
    ));
}

#[test]
fn huge_counts_do_not_overflow() {
    let text = [
        X_POSTS_HEADER.to_owned(),
        x_row(
            "1",
            "Tue, Jul 14, 2026",
            "Gros chiffres",
            "18446744073709551615.9,1,1,1,18446744073709551615,0,1,18446744073709551615,0,0,0",
        ),
    ]
    .join("\n");
    let e = read("x.csv", text.as_bytes());
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert_eq!(e.rows[0].measures.impressions, Some(u64::MAX));
    assert_eq!(e.rows[0].measures.shares, Some(u64::MAX));
    let (mut store, id) = store_with_strategy();
    let r = import(
        &mut store,
        id,
        "x.csv",
        text.as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!(r.unplanned, 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Bad rows, all or nothing, the dry run.

/// X's export with a bad count (line 4) and a bad date (line 5) between good rows.
fn x_posts_with_bad_rows() -> String {
    [
        X_POSTS_HEADER.to_owned(),
        x_row(
            "1944000000000000001",
            "Tue, Jul 14, 2026",
            X_TEXT_1,
            "\"1,234\",48,97,6,2,3,5,7,12,20,9",
        ),
        x_row(
            "1944000000000000002",
            "Wed, Jul 15, 2026",
            X_TEXT_2,
            "12k,15,30,1,0,0,4,2,3,5,0",
        ),
        x_row(
            "1944000000000000004",
            "Jul 32, 2026",
            "Une date impossible",
            "10,1,1,0,0,0,0,0,0,0,0",
        ),
        x_row(
            "1944000000000000003",
            "Thu, Jul 16, 2026",
            X_TEXT_3,
            "2310,120,260,14,6,11,30,25,40,22,18",
        ),
    ]
    .join("\n")
        + "\n"
}

/// The X posts the X export matches: the first two rows' posts, and a LinkedIn post with the first one's text.
fn plan_x(store: &mut Store, id: i64) -> (i64, i64) {
    let a = plan(
        store,
        id,
        "x",
        "2026-07-14T09:30",
        "Carte d'été",
        "Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés frappés. Venez goûter !",
    );
    let b = plan(
        store,
        id,
        "x",
        "2026-07-15T18:00",
        "Inventaire",
        "Fermeture exceptionnelle jeudi pour inventaire, merci de votre compréhension.",
    );
    plan(
        store,
        id,
        "x",
        "2026-07-16T10:00",
        "Recrutement",
        "Nous cherchons un barista pour la saison",
    );
    plan(
        store,
        id,
        "linkedin",
        "2026-07-14T09:30",
        "Carte d'été",
        "Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés frappés.",
    );
    (a, b)
}

#[test]
fn a_bad_row_is_reported_with_its_line_and_column_and_nothing_is_written() {
    let (mut store, id) = store_with_strategy();
    let (a, _) = plan_x(&mut store, id);
    let before = db_counts(&store);
    let file = x_posts_with_bad_rows();
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert!(!r.written);
    assert_eq!(r.kind, ExportKind::XPosts);
    assert_eq!(r.network, "x");
    assert_eq!((r.rows, r.rejected, r.error_count), (4, 2, 2));
    assert_eq!(r.errors.len(), 2);
    assert_eq!(r.errors[0].line, 4);
    assert_eq!(r.errors[0].column, "Impressions");
    assert!(
        r.errors[0].expected.en.contains("whole number") && r.errors[0].expected.en.contains("12k"),
        "{:?}",
        r.errors[0].expected
    );
    assert!(!r.errors[0].expected.fr.is_empty());
    assert_eq!(r.errors[1].line, 5);
    assert_eq!(r.errors[1].column, "Date");
    assert!(
        r.errors[1].expected.en.contains("date"),
        "{:?}",
        r.errors[1].expected
    );
    // What would have been done with the good rows.
    assert_eq!(
        (r.matched, r.unplanned, r.updated, r.unchanged),
        (1, 1, 0, 0)
    );
    assert_eq!(db_counts(&store), before, "nothing written");
    assert_eq!(
        store.post(id, a).unwrap().data.status,
        PostStatus::Scheduled
    );

    // Skipping the bad rows writes the good ones.
    let skip = ResultsImportOptions {
        skip_invalid: true,
        ..options("2026-07-20")
    };
    let r = import(&mut store, id, "x.csv", file.as_bytes(), &skip);
    assert!(r.written);
    assert_eq!((r.rows, r.rejected, r.matched, r.unplanned), (4, 2, 1, 1));
    assert_eq!(
        db_counts(&store),
        (before.0 + 1, before.1 + 2, before.2 + 2)
    );
    assert_eq!(latest(&store, id, a).impressions, Some(1234));
}

#[test]
fn bad_rows_in_utf16_and_workbooks_count_every_line() {
    let (mut store, id) = store_with_strategy();
    let before = db_counts(&store);
    // UTF-16 with `sep=,`: the sep line 1, the header 2, the rows 3 and 4.
    let bad = FB_ROW_2.replace("\"5,210\",4630", "\"5,210\",4 630 env.");
    let r = import(
        &mut store,
        id,
        "fb.csv",
        &facebook_utf16(&bad),
        &options("2026-07-20"),
    );
    assert!(!r.written);
    assert_eq!(r.rejected, 1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        (r.errors[0].line, r.errors[0].column.as_str()),
        (4, "Reach")
    );
    assert_eq!(db_counts(&store), before);
    // A bad date.
    let bad_date = FB_ROW_2.replace("07/15/2026 18:00", "15 juillet 18h");
    let r = import(
        &mut store,
        id,
        "fb.csv",
        &facebook_utf16(&bad_date),
        &options("2026-07-20"),
    );
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        (r.errors[0].line, r.errors[0].column.as_str()),
        (4, "Publish time")
    );
    assert_eq!(db_counts(&store), before);

    // A workbook: its title line 1, the header 2, the rows 3 and 4.
    let book = linkedin_xlsx(&linkedin_rows(
        Cell::S("07/14/2026"),
        Cell::S("07/15/2026"),
        Cell::S("3.2K"),
    ));
    let r = import(&mut store, id, "li.xlsx", &book, &options("2026-07-20"));
    assert!(!r.written);
    assert_eq!(r.kind, ExportKind::LinkedinPosts);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        (r.errors[0].line, r.errors[0].column.as_str()),
        (4, "Impressions")
    );
    assert!(r.errors[0].expected.en.contains("3.2K"));
    assert_eq!(db_counts(&store), before);
    let r = import(
        &mut store,
        id,
        "li.xlsx",
        &book,
        &ResultsImportOptions {
            skip_invalid: true,
            ..options("2026-07-20")
        },
    );
    assert!(r.written);
    assert_eq!((r.rejected, r.unplanned), (1, 1));
    assert_eq!(
        db_counts(&store),
        (before.0 + 1, before.1 + 1, before.2 + 1)
    );
}

#[test]
fn a_dry_run_writes_nothing_and_reports_the_same_counts() {
    let (mut store, id) = store_with_strategy();
    let (a, b) = plan_x(&mut store, id);
    let before = db_counts(&store);
    let dry = ResultsImportOptions {
        dry_run: true,
        ..options("2026-07-20")
    };
    let file = x_posts();
    let d = import(&mut store, id, "x.csv", file.as_bytes(), &dry);
    assert!(!d.written);
    assert_eq!(
        (
            d.rows,
            d.matched,
            d.unplanned,
            d.updated,
            d.unchanged,
            d.rejected
        ),
        (3, 2, 1, 0, 0, 0)
    );
    assert_eq!(db_counts(&store), before);
    assert_eq!(
        store.post(id, a).unwrap().data.status,
        PostStatus::Scheduled
    );
    assert!(store.unplanned_posts(id).unwrap().is_empty());
    assert_eq!(results(&store, id, b).publication, None);

    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert!(r.written);
    assert_eq!(
        ResultsImportReport {
            written: false,
            ..r.clone()
        },
        d
    );
    assert_eq!(
        db_counts(&store),
        (before.0 + 1, before.1 + 3, before.2 + 3)
    );
    // A dry run of a re-import: all unchanged, still nothing written.
    let d = import(&mut store, id, "x.csv", file.as_bytes(), &dry);
    assert_eq!((d.matched, d.unchanged, d.unplanned), (0, 3, 0));
    assert_eq!(
        db_counts(&store),
        (before.0 + 1, before.1 + 3, before.2 + 3)
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Matching.

#[test]
fn rows_match_planned_posts_by_time_and_text_and_the_rest_are_unplanned() {
    let (mut store, id) = store_with_strategy();
    let (a, b) = plan_x(&mut store, id);
    let r = import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!(
        (r.matched, r.unplanned, r.updated, r.unchanged),
        (2, 1, 0, 0)
    );
    assert_eq!(r.taken_on, "2026-07-20");

    let post = store.post(id, a).unwrap();
    assert_eq!(post.data.status, PostStatus::Published);
    assert_eq!(
        post.data.scheduled_at.as_deref(),
        Some("2026-07-14T09:30"),
        "the planned time stays"
    );
    let res = results(&store, id, a);
    let p = res.publication.as_ref().unwrap();
    assert_eq!(p.external_id, "1944000000000000001");
    assert_eq!(
        p.permalink,
        "https://x.com/cafebrulot/status/1944000000000000001"
    );
    assert!(!p.unplanned);
    assert_eq!(res.snapshots.len(), 1);
    assert_eq!(res.snapshots[0].taken_on, "2026-07-20");
    assert_eq!(res.snapshots[0].source, ResultSource::Import);
    assert_eq!(res.snapshots[0].measures.impressions, Some(1234));
    assert_eq!(
        results(&store, id, b).publication.unwrap().external_id,
        "1944000000000000002"
    );
    assert_eq!(latest(&store, id, b).impressions, Some(812));

    // The third row matches nothing: an unplanned post, published at noon on its day (the file gives no time).
    let unplanned = store.unplanned_posts(id).unwrap();
    assert_eq!(unplanned.len(), 1);
    let u = &unplanned[0];
    assert_eq!(u.data.network, "x");
    assert_eq!(u.data.status, PostStatus::Published);
    assert_eq!(u.data.scheduled_at.as_deref(), Some("2026-07-16T12:00"));
    assert_eq!(u.data.title, X_TEXT_3);
    assert_eq!(u.data.text, X_TEXT_3);
    let res = results(&store, id, u.id);
    assert!(res.publication.as_ref().unwrap().unplanned);
    assert_eq!(res.publication.unwrap().external_id, "1944000000000000003");
    assert_eq!(latest(&store, id, u.id).impressions, Some(2310));

    // The LinkedIn post with the same text was not touched.
    let linkedin: i64 = store
        .conn()
        .query_row("SELECT id FROM post WHERE network = 'linkedin'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        store.post(id, linkedin).unwrap().data.status,
        PostStatus::Scheduled
    );
    assert_eq!(
        results(&store, id, linkedin),
        PostResults {
            post_id: linkedin,
            publication: None,
            snapshots: vec![],
        }
    );
}

/// A planned post with no publication yet has its results typed by hand read back when a row matches it by time and
/// words: the same numbers the day before are "unchanged", and a partial snapshot on the import's day is merged.
#[test]
fn results_typed_by_hand_count_when_a_row_matches_by_time_and_words() {
    let (mut store, id) = store_with_strategy();
    let (a, b) = plan_x(&mut store, id);
    let file = read("x.csv", x_posts().as_bytes());
    store
        .save_post_results(id, a, "2026-07-19", &file.rows[0].measures)
        .unwrap();
    let typed = Measures {
        leads: Some(3),
        ..Measures::default()
    };
    store
        .save_post_results(id, b, "2026-07-20", &typed)
        .unwrap();

    let r = import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!(
        (r.matched, r.unplanned, r.updated, r.unchanged),
        (1, 1, 0, 1)
    );
    let res = results(&store, id, a);
    assert_eq!(res.publication.unwrap().external_id, "1944000000000000001");
    assert_eq!(res.snapshots.len(), 1, "nothing new for a");
    assert_eq!(res.snapshots[0].source, ResultSource::Manual);
    assert_eq!(
        store.post(id, a).unwrap().data.status,
        PostStatus::Published
    );
    let res = results(&store, id, b);
    assert_eq!(res.snapshots.len(), 1, "merged into the day's snapshot");
    assert_eq!(res.snapshots[0].measures.impressions, Some(812));
    assert_eq!(res.snapshots[0].measures.leads, Some(3));

    // The next day, the same file changes nothing: both are known by their ids now.
    let r = import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-21"),
    );
    assert_eq!(
        (r.matched, r.unplanned, r.updated, r.unchanged),
        (0, 0, 0, 3)
    );
}

#[test]
fn an_unplanned_post_takes_the_first_line_as_title() {
    let (mut store, id) = store_with_strategy();
    // X's first row's text is on two lines; nothing is planned.
    import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    let unplanned = store.unplanned_posts(id).unwrap();
    assert_eq!(unplanned.len(), 3);
    // Newest first.
    assert_eq!(
        unplanned[2].data.scheduled_at.as_deref(),
        Some("2026-07-14T12:00")
    );
    // The first line, cut to 80 characters.
    assert_eq!(
        unplanned[2].data.title,
        "Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés…"
    );
    assert_eq!(unplanned[1].data.title, X_TEXT_2);
    assert_eq!(unplanned[2].data.text, X_TEXT_1);
    // With a time (the tweet activity export), the unplanned post is at that time.
    import(
        &mut store,
        id,
        "t.csv",
        x_tweets().as_bytes(),
        &options("2026-07-20"),
    );
    let times: Vec<_> = store
        .unplanned_posts(id)
        .unwrap()
        .into_iter()
        .filter_map(|p| p.data.scheduled_at)
        .collect();
    assert!(times.contains(&"2026-07-14T09:30".to_owned()), "{times:?}");
    assert!(times.contains(&"2026-01-10T18:05".to_owned()), "{times:?}");
}

#[test]
fn two_planned_posts_the_same_day_are_told_apart_by_text() {
    let (mut store, id) = store_with_strategy();
    let latte = plan(
        &mut store,
        id,
        "x",
        "2026-07-20T09:00",
        "Atelier latte art",
        "Atelier latte art samedi matin : inscriptions ouvertes, places limitées",
    );
    let lomi = plan(
        &mut store,
        id,
        "x",
        "2026-07-20T09:45",
        "Partenariat Lomi",
        "Nouveau partenariat avec la torréfaction Lomi pour nos grains d'espresso",
    );
    // Each row is nearer in time to the other post: only the text tells them apart.
    let file = [
        X_TWEETS_HEADER.to_owned(),
        tweet(
            "1813000000000000001",
            "2026-07-20 07:05 +0000",
            "Nouveau partenariat avec la torréfaction Lomi : nos grains d'espresso changent",
            "900.0,40.0,0.04,3.0,2.0,20.0,1.0,5.0,0.0,9.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0",
        ),
        tweet(
            "1813000000000000002",
            "2026-07-20 07:40 +0000",
            "Inscriptions ouvertes pour l'atelier latte art de samedi !",
            "1100.0,70.0,0.06,6.0,8.0,41.0,2.0,0.0,0.0,13.0,0.0,0.0,0.0,2.0,0.0,0.0,0.0,0.0",
        ),
    ]
    .join("\n");
    let r = import(
        &mut store,
        id,
        "t.csv",
        file.as_bytes(),
        &options("2026-07-21"),
    );
    assert_eq!((r.matched, r.unplanned), (2, 0));
    assert_eq!(
        results(&store, id, lomi).publication.unwrap().external_id,
        "1813000000000000001"
    );
    assert_eq!(
        results(&store, id, latte).publication.unwrap().external_id,
        "1813000000000000002"
    );
    assert_eq!(latest(&store, id, latte).reactions, Some(41));
    assert_eq!(latest(&store, id, lomi).reactions, Some(20));

    // The same on a date-only file (X's post export): both on the 22nd, rows in the other order.
    let morning = plan(
        &mut store,
        id,
        "x",
        "2026-07-22T08:00",
        "Petit-déjeuner",
        "Le petit-déjeuner complet revient : croissant, jus pressé et café filtre",
    );
    let evening = plan(
        &mut store,
        id,
        "x",
        "2026-07-22T19:00",
        "Soirée jazz",
        "Soirée jazz sur la terrasse vendredi avec le trio Manouche",
    );
    let file = [
        X_POSTS_HEADER.to_owned(),
        x_row(
            "1814000000000000002",
            "Wed, Jul 22, 2026",
            "Vendredi : soirée jazz sur la terrasse avec le trio Manouche",
            "500,30,40,2,1,0,3,4,0,0,1",
        ),
        x_row(
            "1814000000000000001",
            "Wed, Jul 22, 2026",
            "Le petit-déjeuner complet revient (croissant, jus pressé, café filtre)",
            "700,50,60,5,2,1,2,6,0,0,2",
        ),
    ]
    .join("\n");
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-23"),
    );
    assert_eq!((r.matched, r.unplanned), (2, 0));
    assert_eq!(
        results(&store, id, evening)
            .publication
            .unwrap()
            .external_id,
        "1814000000000000002"
    );
    assert_eq!(
        results(&store, id, morning)
            .publication
            .unwrap()
            .external_id,
        "1814000000000000001"
    );
}

#[test]
fn with_no_text_the_only_planned_post_within_an_hour_matches() {
    let (mut store, id) = store_with_strategy();
    let near = plan(&mut store, id, "x", "2026-07-14T10:00", "", "");
    let far = plan(&mut store, id, "x", "2026-07-14T15:00", "", "");
    let file = [
        X_TWEETS_HEADER.to_owned(),
        tweet(
            "1",
            "2026-07-14 07:30 +0000",
            "",
            "10.0,1.0,0.1,0.0,0.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0",
        ),
    ]
    .join("\n");
    let r = import(
        &mut store,
        id,
        "t.csv",
        file.as_bytes(),
        &options("2026-07-21"),
    );
    assert_eq!((r.matched, r.unplanned), (1, 0));
    assert_eq!(
        results(&store, id, near).publication.unwrap().external_id,
        "1"
    );
    assert_eq!(results(&store, id, far).publication, None);
}

#[test]
fn a_known_post_is_found_by_id_then_by_permalink() {
    let (mut store, id) = store_with_strategy();
    let a = plan(
        &mut store,
        id,
        "linkedin",
        "2026-07-14T11:00",
        "Carte d'été",
        "Notre nouvelle carte d'été arrive : glaces artisanales, sorbets maison et cafés frappés.",
    );
    let r = import(
        &mut store,
        id,
        "li.xlsx",
        &linkedin_text_dates(),
        &options("2026-07-20"),
    );
    assert_eq!((r.matched, r.unplanned), (1, 1));
    let res = results(&store, id, a);
    let p = res.publication.unwrap();
    assert_eq!(
        (p.external_id.as_str(), p.permalink.as_str()),
        ("", LI_LINK_1)
    );
    assert_eq!(p.format, Some(ContentFormat::Photo));

    // The post's title was edited on LinkedIn, its date differs and the link comes with a query: the permalink
    // still finds it (and the unplanned one), so nothing new is created.
    let link_1 =
        "https://linkedin.com/feed/update/urn:li:activity:7218000000000000001/?utm_source=share";
    let mut rows = linkedin_rows(
        Cell::S("08/30/2026"),
        Cell::S("07/15/2026"),
        Cell::N(3900.0),
    );
    rows[0][0] = Cell::S("Tout autre chose");
    rows[0][1] = Cell::S(link_1);
    rows[0][9] = Cell::N(2000.0);
    let r = import(
        &mut store,
        id,
        "li.xlsx",
        &linkedin_xlsx(&rows),
        &options("2026-07-21"),
    );
    assert_eq!(
        (r.matched, r.updated, r.unplanned, r.unchanged),
        (0, 2, 0, 0)
    );
    assert_eq!(latest(&store, id, a).impressions, Some(2000));
    assert_eq!(count(&store, "post"), 2);

    // X: by id, whatever the text and date.
    let (mut store, id) = store_with_strategy();
    let (xa, _) = plan_x(&mut store, id);
    import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    let file = [
        X_POSTS_HEADER.to_owned(),
        x_row(
            "1944000000000000001",
            "Sat, Aug 1, 2026",
            "Texte réécrit",
            "5000,48,97,6,2,3,5,7,12,20,9",
        ),
    ]
    .join("\n");
    let posts = count(&store, "post");
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-21"),
    );
    assert_eq!((r.matched, r.updated, r.unplanned), (0, 1, 0));
    assert_eq!(latest(&store, id, xa).impressions, Some(5000));
    assert_eq!(count(&store, "post"), posts);
}

// ---------------------------------------------------------------------------------------------------------------
// Snapshots over time.

#[test]
fn reimports_add_a_snapshot_only_when_numbers_change() {
    let (mut store, id) = store_with_strategy();
    let (a, _) = plan_x(&mut store, id);
    let file = x_posts();
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!((r.matched, r.unplanned), (2, 1));
    let after_first = db_counts(&store);

    // The same file the same day: nothing changes.
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert!(r.written);
    assert_eq!(
        (r.matched, r.updated, r.unchanged, r.unplanned, r.rejected),
        (0, 0, 3, 0, 0)
    );
    assert_eq!(db_counts(&store), after_first);

    // The next day with bigger numbers: a second snapshot per post.
    let bigger = x_posts_with([
        "\"1,480\",55,110,7,2,4,6,9,15,25,11",
        "900,16,33,1,0,0,5,2,3,5,0",
        "2600,131,290,15,6,12,33,28,44,25,20",
    ]);
    let r = import(
        &mut store,
        id,
        "x.csv",
        bigger.as_bytes(),
        &options("2026-07-21"),
    );
    assert_eq!(
        (r.matched, r.updated, r.unchanged, r.unplanned),
        (0, 3, 0, 0)
    );
    assert_eq!(
        db_counts(&store),
        (after_first.0, after_first.1, after_first.2 + 3)
    );
    let res = results(&store, id, a);
    let days: Vec<_> = res.snapshots.iter().map(|s| s.taken_on.as_str()).collect();
    assert_eq!(days, ["2026-07-20", "2026-07-21"]);
    assert_eq!(res.snapshots[0].measures.impressions, Some(1234));
    assert_eq!(res.snapshots[1].measures.impressions, Some(1480));
    assert_eq!(res.snapshots[1].measures.shares, Some(11));

    // The day after with the same numbers: nothing added.
    let r = import(
        &mut store,
        id,
        "x.csv",
        bigger.as_bytes(),
        &options("2026-07-22"),
    );
    assert_eq!(
        (r.matched, r.updated, r.unchanged, r.unplanned),
        (0, 0, 3, 0)
    );
    assert_eq!(
        db_counts(&store),
        (after_first.0, after_first.1, after_first.2 + 3)
    );

    // The first file again on the 22nd: the numbers differ from the latest, a snapshot is added.
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-22"),
    );
    assert_eq!(r.updated, 3);
    assert_eq!(results(&store, id, a).snapshots.len(), 3);
}

#[test]
fn an_import_merges_with_the_days_typed_numbers() {
    let (mut store, id) = store_with_strategy();
    let (a, _) = plan_x(&mut store, id);
    store
        .save_post_results(
            id,
            a,
            "2026-07-20",
            &Measures {
                impressions: Some(1000),
                leads: Some(4),
                ..Measures::default()
            },
        )
        .unwrap();
    let r = import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!(r.matched, 2, "typed numbers are not imported results");
    let res = results(&store, id, a);
    assert_eq!(res.snapshots.len(), 1);
    assert_eq!(res.snapshots[0].source, ResultSource::Import);
    assert_eq!(
        res.snapshots[0].measures.impressions,
        Some(1234),
        "the import's number wins"
    );
    assert_eq!(
        res.snapshots[0].measures.leads,
        Some(4),
        "a measure the file lacks stays"
    );
    assert_eq!(res.snapshots[0].measures.reactions, Some(48));
}

#[test]
fn manual_results_replace_the_days_numbers() {
    let (mut store, id) = store_with_strategy();
    let p = plan(
        &mut store,
        id,
        "instagram",
        "2026-07-14T12:00",
        "Glaces",
        "Trois parfums",
    );
    let r = store
        .save_post_results(
            id,
            p,
            "2026-07-20",
            &Measures {
                impressions: Some(100),
                reactions: Some(5),
                ..Measures::default()
            },
        )
        .unwrap();
    assert_eq!(r.snapshots.len(), 1);
    assert_eq!(r.snapshots[0].source, ResultSource::Manual);
    assert_eq!(r.publication, None);
    // The same day again: the typed numbers replace that day's as a whole (clearing a box clears the measure).
    let r = store
        .save_post_results(
            id,
            p,
            "2026-07-20",
            &Measures {
                impressions: Some(120),
                comments: Some(2),
                ..Measures::default()
            },
        )
        .unwrap();
    assert_eq!(r.snapshots.len(), 1);
    assert_eq!(
        r.snapshots[0].measures,
        Measures {
            impressions: Some(120),
            comments: Some(2),
            ..Measures::default()
        }
    );
    // Another day adds a snapshot, the first stays.
    let r = store
        .save_post_results(
            id,
            p,
            "2026-07-21",
            &Measures {
                impressions: Some(150),
                ..Measures::default()
            },
        )
        .unwrap();
    assert_eq!(r.snapshots.len(), 2);
    assert_eq!(r.snapshots[0].measures.impressions, Some(120));
    assert_eq!(r.latest().unwrap().impressions, Some(150));
    // Nothing typed on a day deletes that day.
    let r = store
        .save_post_results(id, p, "2026-07-20", &Measures::default())
        .unwrap();
    assert_eq!(r.snapshots.len(), 1);
    assert_eq!(r.snapshots[0].taken_on, "2026-07-21");
    // A bad day, an unknown post.
    assert!(matches!(
        store.save_post_results(id, p, "2026-13-01", &Measures::default()),
        Err(CoreError::Validation(_))
    ));
    assert!(store
        .save_post_results(id, 9999, "2026-07-20", &Measures::default())
        .is_err());
    assert_eq!(count(&store, "result_snapshot"), 1);
}

#[test]
fn typed_results_are_checked_box_by_box() {
    let (mut store, id) = store_with_strategy();
    let p = plan(
        &mut store,
        id,
        "instagram",
        "2026-07-14T12:00",
        "Glaces",
        "Trois parfums",
    );
    // Counts as typed: grouped by spaces (a no-break one too), around spaces, or empty (not known).
    let typed = TypedMeasures {
        impressions: "12 500".into(),
        reach: "9\u{a0}800".into(),
        clicks: " 42 ".into(),
        ..TypedMeasures::default()
    };
    let r = store
        .save_typed_post_results(id, p, "2026-07-20", &typed)
        .unwrap();
    assert_eq!(
        r.snapshots[0].measures,
        Measures {
            impressions: Some(12500),
            reach: Some(9800),
            clicks: Some(42),
            ..Measures::default()
        }
    );
    assert_eq!(r.snapshots[0].source, ResultSource::Manual);
    // Anything but a count is refused, every box and the day named at once, and nothing is written.
    let bad = TypedMeasures {
        impressions: "13000".into(),
        reach: "-3".into(),
        comments: "2.5".into(),
        shares: "1,5".into(),
        saves: "lots".into(),
        leads: "99999999999999999999999".into(),
        ..TypedMeasures::default()
    };
    let Err(CoreError::Validation(errors)) =
        store.save_typed_post_results(id, p, "2026-07-32", &bad)
    else {
        panic!("refused");
    };
    assert_eq!(
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect::<Vec<_>>(),
        [
            ("taken_on", "invalid_date"),
            ("reach", "not_count"),
            ("comments", "not_count"),
            ("shares", "not_count"),
            ("saves", "not_count"),
            ("leads", "not_count"),
        ]
    );
    assert_eq!(
        CoreError::Validation(errors[1..2].to_vec()).to_string(),
        "reach: expected a whole number, 0 or more"
    );
    assert_eq!(
        results(&store, id, p).snapshots[0].measures.impressions,
        Some(12500)
    );
    // Every box empty: that day's numbers are removed.
    let r = store
        .save_typed_post_results(id, p, "2026-07-20", &TypedMeasures::default())
        .unwrap();
    assert!(r.snapshots.is_empty());
}

#[test]
fn the_format_is_set_by_hand_and_kept_by_imports() {
    let (mut store, id) = store_with_strategy();
    let (a, _) = plan_x(&mut store, id);
    let r = store
        .set_post_format(id, a, Some(ContentFormat::Video))
        .unwrap();
    let p = r.publication.unwrap();
    assert_eq!(p.format, Some(ContentFormat::Video));
    assert!(!p.unplanned);
    assert_eq!(p.external_id, "");
    // A publication with no network id is still matched by an import, which keeps the format (X gives none).
    let r = import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!(r.matched, 2);
    let p = results(&store, id, a).publication.unwrap();
    assert_eq!(p.external_id, "1944000000000000001");
    assert_eq!(p.format, Some(ContentFormat::Video));
    let r = store.set_post_format(id, a, None).unwrap();
    assert_eq!(r.publication.unwrap().format, None);
}

// ---------------------------------------------------------------------------------------------------------------
// Linking an unplanned post.

#[test]
fn linking_an_unplanned_post_moves_its_results_to_the_planned_post() {
    let (mut store, id) = store_with_strategy();
    plan_x(&mut store, id);
    import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    let u = store.unplanned_posts(id).unwrap()[0].id;
    let planned = plan(
        &mut store,
        id,
        "x",
        "2026-07-16T19:00",
        "Jeu de l'été",
        "Gagnez un an de café",
    );
    store
        .save_post_results(
            id,
            planned,
            "2026-07-20",
            &Measures {
                impressions: Some(1),
                leads: Some(7),
                ..Measures::default()
            },
        )
        .unwrap();
    let elsewhere = plan(
        &mut store,
        id,
        "instagram",
        "2026-07-16T19:00",
        "Jeu",
        "Gagnez",
    );

    // Not across networks, not to itself, not a planned post as the unplanned one.
    assert!(matches!(
        store.link_unplanned(id, u, elsewhere),
        Err(CoreError::Conflict(_))
    ));
    assert!(matches!(
        store.link_unplanned(id, u, u),
        Err(CoreError::Conflict(_))
    ));
    assert!(matches!(
        store.link_unplanned(id, planned, u),
        Err(CoreError::Conflict(_))
    ));
    let before = db_counts(&store);

    let r = store.link_unplanned(id, u, planned).unwrap();
    assert_eq!(r.post_id, planned);
    let p = r.publication.unwrap();
    assert_eq!(p.external_id, "1944000000000000003");
    assert!(!p.unplanned);
    assert_eq!(r.snapshots.len(), 1);
    // Merged day by day, the unplanned numbers winning.
    assert_eq!(r.snapshots[0].measures.impressions, Some(2310));
    assert_eq!(r.snapshots[0].measures.leads, Some(7));
    assert_eq!(
        store.post(id, planned).unwrap().data.status,
        PostStatus::Published
    );
    assert!(store.post(id, u).is_err(), "the unplanned post is gone");
    assert!(store.unplanned_posts(id).unwrap().is_empty());
    assert_eq!(db_counts(&store), (before.0 - 1, before.1, before.2 - 1));

    // A re-import finds the planned post by the id it took.
    let r = import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!((r.unchanged, r.unplanned), (3, 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Cancel.

fn many_x_posts(n: usize) -> String {
    let mut out = String::from(X_POSTS_HEADER);
    out.push('\n');
    for i in 0..n {
        let day =
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days((i % 365) as i64);
        out.push_str(&x_row(
            &format!("19440000000{i:08}"),
            &day.format("%a, %b %-d, %Y").to_string(),
            &format!("Publication numéro {i} du fil"),
            &format!("{},{},0,0,0,0,0,0,0,0,0", 100 + i, i % 50),
        ));
        out.push('\n');
    }
    out
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let (mut store, id) = store_with_strategy();
    plan_x(&mut store, id);
    let file = many_x_posts(PROGRESS_EVERY + 500);
    let before = db_counts(&store);
    let mut calls = Vec::new();
    let r = store.import_results(
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
        &mut |done, total| {
            calls.push((done, total));
            done < PROGRESS_EVERY as u32
        },
    );
    assert!(matches!(r, Err(CoreError::Cancelled)), "{r:?}");
    assert_eq!(calls, [(0, 2500), (2000, 2500)]);
    assert_eq!(db_counts(&store), before);

    // Cancelled at the very end: still nothing.
    let mut calls = Vec::new();
    let r = store.import_results(
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
        &mut |done, total| {
            calls.push((done, total));
            done < total
        },
    );
    assert!(matches!(r, Err(CoreError::Cancelled)), "{r:?}");
    assert_eq!(calls, [(0, 2500), (2000, 2500), (2500, 2500)]);
    assert_eq!(db_counts(&store), before);

    // Not cancelled: everything.
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!(r.rows, 2500);
    assert_eq!(r.matched + r.unplanned, 2500);
    assert_eq!(db_counts(&store).2, before.2 + 2500);
}

// ---------------------------------------------------------------------------------------------------------------
// Fuzz smoke test: the stable stand-in for `fuzz/fuzz_targets/results_import.rs`.

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut XorShift, data: &mut Vec<u8>) {
    const INSERTS: [&[u8]; 12] = [
        b"\"",
        b"\n",
        b"\r\n",
        b"\r",
        b",",
        b";",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"sep=;\n",
        b"\"\"",
        b"18446744073709551615",
        b"07/14/2026 09:30",
    ];
    for _ in 0..=rng.below(3) {
        let len = data.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 => data.truncate(rng.below(len + 1)),
            3 => {
                let what = INSERTS[rng.below(INSERTS.len())];
                let i = rng.below(len + 1);
                data.splice(i..i, what.iter().copied());
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let j = (i + rng.below(32)).min(len);
                data.drain(i..j);
            }
            5 if len > 0 => {
                let i = rng.below(len);
                let j = (i + rng.below(64)).min(len);
                let chunk: Vec<u8> = data[i..j].to_vec();
                let k = rng.below(len + 1);
                data.splice(k..k, chunk);
            }
            _ => {
                let what = INSERTS[rng.below(INSERTS.len())];
                data.splice(0..0, what.iter().copied());
            }
        }
    }
}

/// `CINQ_FUZZ_ROUNDS=20` runs twenty times as many rounds (a longer hunt, by hand).
fn fuzz_rounds(n: usize) -> usize {
    let times: usize = std::env::var("CINQ_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    n * times.max(1)
}

#[test]
fn fuzz_smoke_read_export_never_panics() {
    // (name, bytes, rounds, the least share of mutated files still read: a mutated zip rarely is).
    let fixtures: Vec<(&str, Vec<u8>, usize, usize)> = vec![
        ("x posts", x_posts().into_bytes(), 3000, 5),
        ("x tweets", x_tweets().into_bytes(), 3000, 5),
        ("facebook utf-8", facebook_utf8(), 3000, 5),
        ("facebook utf-16", facebook_utf16(FB_ROW_2), 3000, 5),
        ("instagram", instagram().into_bytes(), 3000, 5),
        ("instagram august", instagram_august().into_bytes(), 3000, 5),
        ("linkedin", linkedin_text_dates(), 400, 40),
        ("linkedin excel dates", linkedin_excel_dates(), 400, 40),
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for (name, fixture, rounds, share) in fixtures {
        let rounds = fuzz_rounds(rounds);
        let mut read_ok = 0;
        for round in 0..rounds {
            let mut data = fixture.clone();
            mutate(&mut rng, &mut data);
            let outcome = std::panic::catch_unwind(|| read_export("f", &data, chrono_tz::UTC));
            match outcome {
                Ok(Ok(_)) => read_ok += 1,
                Ok(Err(_)) => {}
                Err(_) => panic!(
                    "{name}, round {round}: read_export panicked on {:?}",
                    String::from_utf8_lossy(&data)
                ),
            }
        }
        // The mutations are mild enough that many files are still read: the rows' code ran.
        assert!(
            read_ok * share > rounds,
            "{name}: only {read_ok} of {rounds} read"
        );
    }
}

/// The same through the whole import (matching, unplanned posts, snapshots), as a dry run against planned posts.
#[test]
fn fuzz_smoke_import_never_panics() {
    let (mut store, id) = store_with_strategy();
    plan_x(&mut store, id);
    plan(
        &mut store,
        id,
        "facebook",
        "2026-07-14T09:30",
        "Carte",
        "Notre nouvelle carte d'été arrive",
    );
    plan(
        &mut store,
        id,
        "instagram",
        "2026-07-15T18:30",
        "Latte",
        "Latte art en accéléré",
    );
    // One real import first, so that ids and permalinks are known too.
    import(
        &mut store,
        id,
        "x.csv",
        x_posts().as_bytes(),
        &options("2026-07-20"),
    );
    let before = db_counts(&store);
    let dry = ResultsImportOptions {
        skip_invalid: true,
        dry_run: true,
        taken_on: Some("2026-07-21".into()),
    };
    let fixtures = [
        x_posts().into_bytes(),
        x_tweets().into_bytes(),
        facebook_utf16(FB_ROW_2),
        instagram().into_bytes(),
    ];
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut imported = 0;
    for (f, fixture) in fixtures.iter().enumerate() {
        for round in 0..fuzz_rounds(300) {
            let mut data = fixture.clone();
            mutate(&mut rng, &mut data);
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                store.import_results(id, "f.csv", &data, &dry, &mut |_, _| true)
            }));
            match outcome {
                Ok(Ok(r)) => {
                    assert!(!r.written);
                    imported += 1;
                }
                Ok(Err(_)) => {}
                Err(_) => panic!(
                    "fixture {f}, round {round}: the import panicked on {:?}",
                    String::from_utf8_lossy(&data)
                ),
            }
        }
    }
    assert!(imported > 300, "only {imported} imports ran");
    assert_eq!(db_counts(&store), before);
}

#[test]
fn implausible_dates_are_bad_cells_not_crashes() {
    let (mut store, id) = store_with_strategy();
    plan_x(&mut store, id);
    let x = [
        X_POSTS_HEADER.to_owned(),
        x_row(
            "1",
            "Fri, Dec 31, 262142",
            "Très loin",
            "1,1,1,1,1,1,1,1,1,1,1",
        ),
        x_row("2", "Jan 1, -262143", "Très tôt", "1,1,1,1,1,1,1,1,1,1,1"),
        x_row("3", "Jan 1, 0", "An zéro", "1,1,1,1,1,1,1,1,1,1,1"),
        x_row("4", "Dec 31, 9999", "Trop tard", "1,1,1,1,1,1,1,1,1,1,1"),
        // Years are those Cinq stores, 1900 to 2200 (see `dates`).
        x_row("8", "Dec 31, 2200", "Dernier jour", "1,1,1,1,1,1,1,1,1,1,1"),
    ]
    .join("\n");
    let tweets = [
        X_TWEETS_HEADER.to_owned(),
        tweet("5", "+262142-12-31 23:59 +0000", "Très loin", "1.0"),
        tweet("6", "2200-12-30 12:00 -0500", "Au bout", "1.0"),
        tweet("9", "9999-12-30 12:00 -0500", "Trop loin", "1.0"),
        tweet("7", "0999-01-01 00:00 +0000", "Trop tôt", "1.0"),
    ]
    .join("\n");
    let skip = ResultsImportOptions {
        skip_invalid: true,
        ..options("2026-07-20")
    };
    let r = import(&mut store, id, "x.csv", x.as_bytes(), &skip);
    let lines: Vec<u64> = r.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
    assert!(r.errors.iter().all(|e| e.column == "Date"));
    assert_eq!(r.unplanned, 1);
    let r = import(&mut store, id, "t.csv", tweets.as_bytes(), &skip);
    let lines: Vec<u64> = r.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 4, 5], "{:?}", r.errors);
    assert_eq!(r.unplanned, 1);
    let times: Vec<_> = store
        .unplanned_posts(id)
        .unwrap()
        .into_iter()
        .filter_map(|p| p.data.scheduled_at)
        .collect();
    // Newest first; 12:00 at UTC−5 is 18:00 in Paris in winter.
    assert_eq!(times, ["2200-12-31T12:00", "2200-12-30T18:00"]);
}

#[test]
fn the_same_row_twice_in_one_file_makes_one_post() {
    let (mut store, id) = store_with_strategy();
    let row = x_row(
        "1800",
        "Tue, Jul 14, 2026",
        X_TEXT_3,
        "2310,120,260,14,6,11,30,25,40,22,18",
    );
    let more = x_row(
        "1800",
        "Tue, Jul 14, 2026",
        X_TEXT_3,
        "2500,120,260,14,6,11,30,25,40,22,19",
    );
    // Exactly the same row again: nothing new.
    let file = [X_POSTS_HEADER, &row, &row].join("\n");
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!((r.unplanned, r.unchanged, r.updated), (1, 1, 0));
    assert_eq!(db_counts(&store), (1, 1, 1));
    // The same post with bigger numbers further down: the day's snapshot takes them.
    let (mut store, id) = store_with_strategy();
    let file = [X_POSTS_HEADER, &row, &more].join("\n");
    let r = import(
        &mut store,
        id,
        "x.csv",
        file.as_bytes(),
        &options("2026-07-20"),
    );
    assert_eq!((r.unplanned, r.unchanged, r.updated), (1, 0, 1));
    assert_eq!(db_counts(&store), (1, 1, 1));
    let post = store.unplanned_posts(id).unwrap()[0].id;
    assert_eq!(latest(&store, id, post).impressions, Some(2500));
    assert_eq!(latest(&store, id, post).clicks, Some(19));
}

// ---------------------------------------------------------------------------------------------------------------
// Any other CSV, through a column mapping.

/// A scheduling tool's report, in French Excel's shape: semicolons, day-first dates, French column names, the
/// network in a column.
const OTHER_CSV: &str =
    "Réseau;Date de publication;Texte;Impressions;J'aime;Commentaires;Clics;Colonne inconnue\n\
Instagram;14/07/2026 09:30;Notre nouvelle carte d'été arrive;1200;80;4;31;x\n\
LinkedIn;15/07/2026 10:00;Nous recrutons un barista;900;20;2;12;y\n\
;16/07/2026 18:00;Soirée dégustation jeudi;400;10;1;5;z\n";

#[test]
fn another_csv_gets_a_suggested_mapping() {
    use cinq_core::adapt::results_import::results_csv_preview;
    use cinq_core::io::csv::DateOrder;
    let p = results_csv_preview("rapport.csv", OTHER_CSV.as_bytes()).unwrap();
    assert_eq!(p.columns.len(), 8);
    assert_eq!(p.total_rows, 3);
    assert_eq!(p.rows[0][0], "Instagram");
    let m = &p.mapping;
    assert!(m.has_header);
    assert_eq!(
        (m.network, m.date, m.text, m.external_id, m.permalink),
        (Some(0), Some(1), Some(2), None, None)
    );
    assert_eq!(m.date_order, DateOrder::DayFirst);
    assert_eq!(
        (
            m.measures.impressions,
            m.measures.reactions,
            m.measures.comments,
            m.measures.clicks,
            m.measures.reach
        ),
        (Some(3), Some(4), Some(5), Some(6), None)
    );
    // A known export is not this screen's business, and a workbook must be saved as CSV first.
    assert!(results_csv_preview("x.xlsx", b"PK\x03\x04rest").is_err());
}

#[test]
fn another_csv_is_imported_through_its_mapping() {
    use cinq_core::adapt::results_import::results_csv_preview;
    let (mut store, id) = store_with_strategy();
    let planned = plan(
        &mut store,
        id,
        "instagram",
        "2026-07-14T09:00",
        "Carte d'été",
        "Notre nouvelle carte d'été arrive : glaces et sorbets",
    );
    let mut mapping = results_csv_preview("rapport.csv", OTHER_CSV.as_bytes())
        .unwrap()
        .mapping;
    // Without a network for the third row, it is bad, and nothing is written.
    let r = store
        .import_results_mapped(
            id,
            "rapport.csv",
            OTHER_CSV.as_bytes(),
            &mapping,
            &options("2026-07-20"),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(r.kind, ExportKind::Mapped);
    assert!(!r.written);
    assert_eq!(r.error_count, 1);
    assert_eq!(
        (r.errors[0].line, r.errors[0].column.as_str()),
        (4, "Réseau")
    );
    assert_eq!(db_counts(&store), (1, 0, 0));
    // With a network for the rows that name none: the Instagram row finds its planned post, the others are
    // unplanned on their networks.
    mapping.default_network = Some("facebook".into());
    let r = store
        .import_results_mapped(
            id,
            "rapport.csv",
            OTHER_CSV.as_bytes(),
            &mapping,
            &options("2026-07-20"),
            &mut |_, _| true,
        )
        .unwrap();
    assert!(r.written);
    assert_eq!((r.matched, r.unplanned, r.rejected), (1, 2, 0));
    let m = latest(&store, id, planned);
    assert_eq!(
        (m.impressions, m.reactions, m.comments, m.clicks),
        (Some(1200), Some(80), Some(4), Some(31))
    );
    let mut networks: Vec<String> = store
        .unplanned_posts(id)
        .unwrap()
        .into_iter()
        .map(|p| p.data.network)
        .collect();
    networks.sort();
    assert_eq!(networks, ["facebook", "linkedin"]);
    // Again the same day: nothing new.
    let r = store
        .import_results_mapped(
            id,
            "rapport.csv",
            OTHER_CSV.as_bytes(),
            &mapping,
            &options("2026-07-20"),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!((r.matched, r.unplanned, r.unchanged), (0, 0, 3));
    // A mapping with no date column is refused.
    mapping.date = None;
    assert!(matches!(
        store.import_results_mapped(
            id,
            "rapport.csv",
            OTHER_CSV.as_bytes(),
            &mapping,
            &options("2026-07-20"),
            &mut |_, _| true
        ),
        Err(CoreError::Validation(_))
    ));
}

/// Migration 8 keys snapshots by post and day: the snapshots of a file from before it come through, and still go
/// with their post.
#[test]
fn snapshots_survive_the_move_to_the_table_keyed_by_post_and_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite3");
    let (id, a) = {
        let mut store =
            Store::open_with_migrations(&path, &cinq_core::store::MIGRATIONS[..7]).unwrap();
        // Today's store writes the campaign column of migration 9 and the publication time of migration 12, and a
        // results import pauses the latest results of migration 13: the file has them while it is filled, and loses
        // them before the upgrade, as a file of schema 7 is.
        store
            .conn()
            .execute_batch(
                "ALTER TABLE post ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
                 ALTER TABLE publication ADD COLUMN published_at TEXT;
                 CREATE TABLE latest_result_paused (paused INTEGER PRIMARY KEY);
                 CREATE TABLE latest_result_touched (post_id INTEGER PRIMARY KEY);
                 CREATE TABLE latest_result (strategy_id, post_id, network, at, reach, engagements);
                 CREATE VIEW latest_result_source AS SELECT * FROM latest_result;",
            )
            .unwrap();
        let id = store.create_strategy(&brand()).unwrap().id;
        let (a, _) = plan_x(&mut store, id);
        import(
            &mut store,
            id,
            "x.csv",
            x_posts().as_bytes(),
            &options("2026-07-20"),
        );
        let typed = Measures {
            leads: Some(3),
            ..Measures::default()
        };
        store
            .save_post_results(id, a, "2026-07-21", &typed)
            .unwrap();
        store
            .conn()
            .execute_batch(
                "ALTER TABLE post DROP COLUMN campaign;
                 ALTER TABLE publication DROP COLUMN published_at;
                 DROP VIEW latest_result_source;
                 DROP TABLE latest_result;
                 DROP TABLE latest_result_touched;
                 DROP TABLE latest_result_paused;",
            )
            .unwrap();
        (id, a)
    };
    let mut store = Store::open(&path).unwrap();
    let res = results(&store, id, a);
    assert_eq!(
        res.snapshots
            .iter()
            .map(|s| (
                s.taken_on.as_str(),
                s.source,
                s.measures.impressions,
                s.measures.leads
            ))
            .collect::<Vec<_>>(),
        [
            ("2026-07-20", ResultSource::Import, Some(1234), None),
            ("2026-07-21", ResultSource::Manual, None, Some(3)),
        ]
    );
    assert_eq!(count(&store, "result_snapshot"), 4);
    let sql: String = store
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'result_snapshot'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("WITHOUT ROWID"), "{sql}");
    store.delete_post(id, a).unwrap();
    assert_eq!(
        count(&store, "result_snapshot"),
        2,
        "a post's snapshots go with it"
    );
}

/// Writes a LinkedIn workbook of many posts for the memory and time figures of tests/bench/README.md (not a test):
/// `CINQ_XLSX_OUT=/tmp/li.xlsx [CINQ_XLSX_POSTS=100000] cargo test -p cinq-core --test results_import -- --ignored
/// large_linkedin_workbook`.
#[test]
#[ignore]
fn large_linkedin_workbook() {
    let Ok(out) = std::env::var("CINQ_XLSX_OUT") else {
        return;
    };
    let n: usize = std::env::var("CINQ_XLSX_POSTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let texts: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("Post {i}: nouvelle carte, glaces artisanales et cafés frappés, à Lyon."),
                format!("https://www.linkedin.com/feed/update/urn:li:activity:72180{i:014}"),
            )
        })
        .collect();
    let template = linkedin_rows(Cell::D(2026, 7, 14), Cell::D(2026, 7, 15), Cell::N(3250.0));
    let rows: Vec<[Cell; 20]> = texts
        .iter()
        .enumerate()
        .map(|(i, (text, link))| {
            let mut row = template[i % 2];
            row[0] = Cell::S(text);
            row[1] = Cell::S(link);
            let day = (i / 4 % 28) as u8 + 1;
            let month = (i / 112 % 12) as u8 + 1;
            row[5] = Cell::D(2016 + (i / 1344 % 10) as u16, month, day);
            row
        })
        .collect();
    std::fs::write(&out, linkedin_xlsx(&rows)).unwrap();
}

// ---------------------------------------------------------------------------------------------------------------
// Picking a file, what the app's `results_pick` and `results_mapping_check` commands call.

#[test]
fn a_picked_file_is_a_known_exports_dry_run_or_another_csvs_preview() {
    let (mut store, id) = store_with_strategy();
    let before = db_counts(&store);

    // A known export: its dry run, no preview, nothing written.
    let picked = store
        .results_picked(id, "posts.csv", x_posts().as_bytes())
        .unwrap();
    let report = picked.report.expect("a known export is dry run");
    assert_eq!(
        (report.kind, report.rows, report.written),
        (ExportKind::XPosts, 3, false)
    );
    assert!(picked.preview.is_none());

    // Another CSV: no report, its preview for the column mapping.
    let picked = store
        .results_picked(id, "rapport.csv", OTHER_CSV.as_bytes())
        .unwrap();
    assert!(picked.report.is_none());
    let preview = picked.preview.expect("another CSV is previewed");
    assert_eq!((preview.columns.len(), preview.total_rows), (8, 3));

    // Its mapping checked: a dry run through it, nothing written either.
    let check = store
        .results_mapping_check(id, "rapport.csv", OTHER_CSV.as_bytes(), &preview.mapping)
        .unwrap();
    assert_eq!(
        (check.kind, check.rows, check.written),
        (ExportKind::Mapped, 3, false)
    );

    // Neither (a workbook that is no known export): refused with why it is not a known export.
    let err = store
        .results_picked(id, "budget.xlsx", b"PK\x03\x04rest")
        .unwrap_err();
    assert!(matches!(err, CoreError::InvalidFile(_)), "{err:?}");
    assert_eq!(db_counts(&store), before);
}

#[test]
fn an_import_goes_through_the_mapping_when_there_is_one() {
    use cinq_core::adapt::results_import::results_csv_preview;
    let (mut store, id) = store_with_strategy();
    let known = store
        .import_results_with(
            id,
            "posts.csv",
            x_posts().as_bytes(),
            None,
            &options("2026-07-20"),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!((known.kind, known.written), (ExportKind::XPosts, true));
    let mapping = results_csv_preview("rapport.csv", OTHER_CSV.as_bytes())
        .unwrap()
        .mapping;
    let mapped = store
        .import_results_with(
            id,
            "rapport.csv",
            OTHER_CSV.as_bytes(),
            Some(&mapping),
            &options("2026-07-20"),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(mapped.kind, ExportKind::Mapped);
}
