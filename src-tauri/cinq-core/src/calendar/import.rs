//! Import of any spreadsheet's CSV into the calendar, through a column mapping: a preview of the file (delimiter and
//! header detected, columns, first rows, a suggested mapping), then the import itself, which checks every row and
//! reports each bad one (line, column, what was expected). Nothing is written while a row is bad, unless the user
//! chose to skip the bad rows; the whole import is one transaction.

use std::collections::HashMap;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::cinq_csv::{NamedLinks, CINQ_CSV_COLUMNS};
use crate::calendar::{insert_post, validate_post, PostInput, PostStatus};
use crate::error::{CoreError, FieldError, Result};
use crate::findings::Text;
use crate::io::csv::{
    compact, fold, invalid, is_date, is_typed, parse_date_cell, parse_time, read_table,
    unneutralise, width, DateOrder, Row, RowError, SAMPLE_ROWS,
};
use crate::objectives::Pillar;
use crate::store::Store;
use crate::strategy::touch;

/// Which column of the file (0-based) holds each field of a post; `None` when the file has no such column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// The first line holds column names.
    pub has_header: bool,
    pub network: Option<u32>,
    /// The network of every row when the file has no network column (or the cell is empty).
    pub default_network: Option<String>,
    /// A date, or a date and time in one cell. Rows with no date become ideas.
    pub date: Option<u32>,
    pub time: Option<u32>,
    pub date_order: DateOrder,
    pub title: Option<u32>,
    pub text: Option<u32>,
    pub link: Option<u32>,
    pub media_notes: Option<u32>,
    pub pillar: Option<u32>,
    pub topic: Option<u32>,
    pub status: Option<u32>,
    pub campaign: Option<u32>,
    pub editorial_item: Option<u32>,
    pub objective: Option<u32>,
}

/// A first look at a CSV file, for the mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvPreview {
    /// The file's name (no folder).
    pub file: String,
    /// The delimiter found: `,`, `;` or a tab.
    pub delimiter: String,
    /// The file is Cinq's own CSV: it is imported as it stands, with no mapping.
    pub cinq: bool,
    /// The column names (from the header, or "Column 1", "Column 2"… when there is none).
    pub columns: Vec<String>,
    /// The first data rows (at most 20).
    pub rows: Vec<Vec<String>>,
    /// How many data rows the file has.
    pub total_rows: u32,
    /// The mapping suggested from the column names (English and French) and the values.
    pub mapping: ColumnMapping,
}

/// What a mapped import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappedImportReport {
    /// The data rows of the file.
    pub rows: u32,
    /// Posts written; on a dry run, the good rows (that would be written).
    pub imported: u32,
    /// Bad rows left out (with "skip invalid rows"); on a dry run, the bad rows.
    pub skipped: u32,
    /// The bad rows' errors, the first 200 of them.
    pub errors: Vec<RowError>,
    /// How many errors there are in all.
    pub error_count: u32,
    /// Whether anything was written: false on a dry run, and while a row is bad without "skip invalid rows".
    pub written: bool,
    pub created_topics: u32,
    pub created_objectives: u32,
    pub created_editorial: u32,
}

/// The most rows a preview shows.
const PREVIEW_ROWS: usize = 20;
/// The most errors a report lists (it counts them all).
const MAX_ERRORS: usize = 200;

fn column_names(header: Option<&Row>, width: usize) -> Vec<String> {
    (0..width)
        .map(|i| {
            let name = header.map_or("", |h| h.cell(i).trim());
            if name.is_empty() {
                format!("Column {}", i + 1)
            } else {
                // A header cell can be long: the name messages and the mapping screen show is short.
                crate::io::read::clip(name)
            }
        })
        .collect()
}

fn is_cinq_header(header: Option<&Row>) -> bool {
    header.is_some_and(|h| h.cells.iter().eq(CINQ_CSV_COLUMNS))
}

fn parse_pillar(s: &str) -> Option<Pillar> {
    match fold(s).as_str() {
        "promotion" | "promo" | "promotional" | "promotionnel" | "promotionnelle" => {
            Some(Pillar::Promotion)
        }
        "curation" | "curated" => Some(Pillar::Curation),
        "interaction" | "interactions" => Some(Pillar::Interaction),
        _ => None,
    }
}

fn parse_status(s: &str) -> Option<PostStatus> {
    match fold(s).as_str() {
        "idea" | "ideas" | "idee" | "idees" => Some(PostStatus::Idea),
        "draft" | "brouillon" => Some(PostStatus::Draft),
        "ready" | "pret" | "prete" => Some(PostStatus::Ready),
        "scheduled" | "programme" | "programmee" | "planifie" | "planifiee" => {
            Some(PostStatus::Scheduled)
        }
        "published" | "publie" | "publiee" => Some(PostStatus::Published),
        _ => None,
    }
}

/// The networks a cell may name, by key, name or a common alias (compacted), each to its key.
struct Networks(HashMap<String, String>);

impl Networks {
    fn new(networks: &[crate::network::Network]) -> Networks {
        let mut map = HashMap::new();
        for n in networks {
            map.entry(compact(&n.key)).or_insert_with(|| n.key.clone());
            map.entry(compact(&n.name)).or_insert_with(|| n.key.clone());
        }
        for (alias, key) in [
            ("twitter", "x"),
            ("xtwitter", "x"),
            ("twitterx", "x"),
            ("fb", "facebook"),
            ("ig", "instagram"),
            ("insta", "instagram"),
            ("li", "linkedin"),
            ("yt", "youtube"),
            ("gmb", "google_business"),
            ("googlemybusiness", "google_business"),
            ("googlemaps", "google_business"),
        ] {
            if networks.iter().any(|n| n.key == key) {
                map.entry(alias.to_owned())
                    .or_insert_with(|| key.to_owned());
            }
        }
        Networks(map)
    }

    fn find(&self, cell: &str) -> Option<&str> {
        self.0.get(&compact(cell)).map(String::as_str)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The suggested mapping.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Network,
    Date,
    Time,
    Title,
    Text,
    Link,
    Media,
    Pillar,
    Topic,
    Status,
    Campaign,
    Editorial,
    Objective,
}

/// Column names (folded) that say which field a column holds, in English and French.
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Network,
        &[
            "network",
            "networks",
            "reseau",
            "reseaux",
            "reseau social",
            "reseaux sociaux",
            "social network",
            "platform",
            "platforms",
            "plateforme",
            "plateformes",
            "channel",
            "channels",
            "canal",
            "canaux",
            "profile",
            "profil",
            "social profile",
            "account",
            "compte",
        ],
    ),
    (
        Field::Date,
        &[
            "date",
            "dates",
            "day",
            "jour",
            "publish date",
            "publishing date",
            "publication date",
            "date de publication",
            "date publication",
            "start date",
            "date de debut",
            "scheduled",
            "scheduled date",
            "scheduled at",
            "scheduled for",
            "publish at",
            "post date",
            "send date",
            "date et heure",
            "date heure",
            "date time",
            "datetime",
            "when",
            "quand",
        ],
    ),
    (
        Field::Time,
        &[
            "time",
            "heure",
            "hour",
            "publish time",
            "publication time",
            "heure de publication",
            "start time",
            "heure de debut",
            "time 24hr",
            "horaire",
        ],
    ),
    (
        Field::Title,
        &[
            "title",
            "titre",
            "hook",
            "subject",
            "objet",
            "accroche",
            "headline",
            "post title",
            "titre du post",
        ],
    ),
    (
        Field::Text,
        &[
            "text",
            "texte",
            "message",
            "post",
            "caption",
            "legende",
            "content",
            "contenu",
            "body",
            "corps",
            "message text",
            "post text",
            "texte du post",
            "copy",
            "description",
        ],
    ),
    (
        Field::Link,
        &["link", "links", "lien", "liens", "url", "link url"],
    ),
    (
        Field::Media,
        &[
            "media",
            "medias",
            "visuel",
            "visuels",
            "image",
            "images",
            "media notes",
            "media note",
            "notes media",
            "visual",
            "visuals",
            "asset",
            "assets",
        ],
    ),
    (
        Field::Pillar,
        &[
            "pillar",
            "pillars",
            "pilier",
            "piliers",
            "content pillar",
            "pilier de contenu",
        ],
    ),
    (
        Field::Topic,
        &["topic", "topics", "theme", "themes", "sujet", "sujets"],
    ),
    (Field::Status, &["status", "statut", "etat", "state"]),
    (
        Field::Campaign,
        &["campaign", "campaigns", "campagne", "campagnes"],
    ),
    (
        Field::Editorial,
        &[
            "editorial",
            "editorial item",
            "editorial items",
            "contenu editorial",
            "editorial content",
            "article",
        ],
    ),
    (
        Field::Objective,
        &[
            "objective",
            "objectives",
            "objectif",
            "objectifs",
            "goal",
            "social objective",
        ],
    ),
];

/// Words that, within a longer column name, say which field it is: the more specific fields first.
const KEYWORDS: &[(Field, &[&str])] = &[
    (Field::Editorial, &["editorial"]),
    (Field::Objective, &["objective", "objectif", "goal"]),
    (Field::Campaign, &["campaign", "campagne"]),
    (Field::Pillar, &["pillar", "pilier"]),
    (Field::Topic, &["topic", "theme", "sujet"]),
    (Field::Status, &["status", "statut"]),
    (Field::Media, &["media", "visuel", "image", "visual"]),
    (Field::Link, &["link", "lien", "url"]),
    (Field::Date, &["date", "jour", "day"]),
    (Field::Time, &["time", "heure", "hour"]),
    (
        Field::Network,
        &[
            "network",
            "reseau",
            "platform",
            "plateforme",
            "channel",
            "canal",
        ],
    ),
    (
        Field::Title,
        &["title", "titre", "hook", "accroche", "headline"],
    ),
    (
        Field::Text,
        &[
            "text", "texte", "caption", "legende", "message", "content", "contenu",
        ],
    ),
];

fn field_of_name(name: &str) -> Option<Field> {
    let name = fold(name);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(f, _)| *f)
}

fn field_of_words(name: &str) -> Option<Field> {
    let name = fold(name);
    let words: Vec<&str> = name.split(' ').collect();
    KEYWORDS
        .iter()
        .find(|(_, keys)| {
            words.iter().any(|w| {
                keys.iter()
                    .any(|k| w == k || w.strip_suffix('s') == Some(k))
            })
        })
        .map(|(f, _)| *f)
}

fn set(mapping: &mut ColumnMapping, field: Field, column: usize) -> bool {
    let slot = match field {
        Field::Network => &mut mapping.network,
        Field::Date => &mut mapping.date,
        Field::Time => &mut mapping.time,
        Field::Title => &mut mapping.title,
        Field::Text => &mut mapping.text,
        Field::Link => &mut mapping.link,
        Field::Media => &mut mapping.media_notes,
        Field::Pillar => &mut mapping.pillar,
        Field::Topic => &mut mapping.topic,
        Field::Status => &mut mapping.status,
        Field::Campaign => &mut mapping.campaign,
        Field::Editorial => &mut mapping.editorial_item,
        Field::Objective => &mut mapping.objective,
    };
    if slot.is_some() {
        return false;
    }
    *slot = u32::try_from(column).ok();
    slot.is_some()
}

fn empty_mapping(has_header: bool) -> ColumnMapping {
    ColumnMapping {
        has_header,
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

/// The first row is a header: its cells name known columns, or it has no dates or numbers while the next row has.
fn looks_like_header(rows: &[Row]) -> bool {
    let typed = |r: &Row| r.cells.iter().any(is_typed);
    let Some(first) = rows.first() else {
        return false;
    };
    if typed(first) {
        return false;
    }
    first.cells.iter().any(|c| field_of_name(c).is_some()) || rows.get(1).is_some_and(typed)
}

/// The mapping suggested by the column names.
fn suggest_from_names(mapping: &mut ColumnMapping, columns: &[String]) {
    let mut taken = vec![false; columns.len()];
    for (i, name) in columns.iter().enumerate() {
        if let Some(f) = field_of_name(name) {
            taken[i] = set(mapping, f, i);
        }
    }
    for (i, name) in columns.iter().enumerate() {
        if !taken[i] {
            if let Some(f) = field_of_words(name) {
                set(mapping, f, i);
            }
        }
    }
}

/// A test a column's every value must pass.
type CellTest<'a> = &'a dyn Fn(&str) -> bool;

/// The mapping suggested by the values of a file with no header: dates, times, networks, links, statuses and
/// pillars by what the cells hold, and the longest other column as the text.
fn suggest_from_values(mapping: &mut ColumnMapping, rows: &[Row], width: usize) {
    let catalogue = Networks::new(&crate::network::catalogue());
    let values = |i: usize| {
        rows.iter()
            .take(SAMPLE_ROWS)
            .map(move |r| r.cell(i).trim())
            .filter(|c| !c.is_empty())
    };
    let mut used = vec![false; width];
    let every = |i: usize, f: &dyn Fn(&str) -> bool| values(i).next().is_some() && values(i).all(f);
    let kinds: [(Field, CellTest); 6] = [
        (Field::Date, &is_date),
        (Field::Time, &|c| parse_time(c).is_some()),
        (Field::Network, &|c| catalogue.find(c).is_some()),
        (Field::Link, &|c| {
            let c = c.to_lowercase();
            c.starts_with("http://") || c.starts_with("https://") || c.starts_with("www.")
        }),
        (Field::Status, &|c| parse_status(c).is_some()),
        (Field::Pillar, &|c| parse_pillar(c).is_some()),
    ];
    for (field, test) in kinds {
        if let Some(i) = (0..width).find(|&i| !used[i] && every(i, test)) {
            used[i] = set(mapping, field, i);
        }
    }
    let longest = (0..width)
        .filter(|&i| !used[i] && !values(i).all(is_typed))
        .map(|i| {
            let (sum, n) =
                values(i).fold((0usize, 0usize), |(s, n), c| (s + c.chars().count(), n + 1));
            (i, sum.checked_div(n).unwrap_or(0))
        })
        .filter(|(_, avg)| *avg > 0)
        .max_by_key(|(i, avg)| (*avg, std::cmp::Reverse(*i)));
    if let Some((i, _)) = longest {
        set(mapping, Field::Text, i);
    }
}

/// The order under which every date of the column parses: day first unless only month first does.
fn guess_order<'a>(values: impl Iterator<Item = &'a str>) -> DateOrder {
    let (mut day_first, mut month_first) = (true, true);
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        day_first &= parse_date_cell(v, DateOrder::DayFirst).is_some();
        month_first &= parse_date_cell(v, DateOrder::MonthFirst).is_some();
        if !day_first {
            break;
        }
    }
    if !day_first && month_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

/// Looks at a CSV file: delimiter, header, columns, first rows, a suggested mapping.
pub fn csv_preview(file: &str, bytes: &[u8]) -> Result<CsvPreview> {
    let table = read_table(file, bytes)?;
    let has_header = looks_like_header(&table.rows);
    let (header, data) = if has_header {
        (table.rows.first(), &table.rows[1..])
    } else {
        (None, &table.rows[..])
    };
    if data.is_empty() {
        return Err(invalid(file, "the file has a header but no rows"));
    }
    let width = width(&table.rows);
    let columns = column_names(header, width);
    let mut mapping = empty_mapping(has_header);
    if has_header {
        suggest_from_names(&mut mapping, &columns);
    } else {
        suggest_from_values(&mut mapping, data, width);
    }
    if let Some(d) = mapping.date {
        mapping.date_order = guess_order(data.iter().map(|r| r.cell(d as usize)));
    }
    Ok(CsvPreview {
        file: file.to_owned(),
        delimiter: char::from(table.delimiter).to_string(),
        cinq: is_cinq_header(header),
        rows: data
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| (0..width).map(|i| r.cell(i).to_owned()).collect())
            .collect(),
        columns,
        total_rows: u32::try_from(data.len()).unwrap_or(u32::MAX),
        mapping,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// The import.

fn expected(en: impl Into<String>, fr: impl Into<String>) -> Text {
    Text {
        en: en.into(),
        fr: fr.into(),
    }
}

fn at_most(n: usize) -> Text {
    expected(
        format!("a text of at most {n} characters"),
        format!("un texte de {n} caractères au plus"),
    )
}

/// A row checked and ready to write, with the names its links are found by.
struct Pending {
    input: PostInput,
    topic: String,
    objective: String,
    editorial: String,
}

/// The checks of the rows of one file.
struct RowChecker<'a> {
    mapping: &'a ColumnMapping,
    columns: &'a [String],
    networks: Networks,
    default_network: Option<String>,
    /// Cinq's own CSV: every cell loses one leading `'` (see [`crate::io::csv::neutralise`]).
    cinq: bool,
    /// How many fields the header names (up to its last non-blank one): a row with fewer is cut short.
    header_fields: usize,
}

impl RowChecker<'_> {
    fn name(&self, column: Option<u32>, fallback: &str) -> String {
        column.map_or_else(
            || fallback.to_owned(),
            |c| {
                self.columns
                    .get(c as usize)
                    .cloned()
                    .unwrap_or_else(|| format!("Column {}", c + 1))
            },
        )
    }

    fn cell<'r>(&self, row: &'r Row, column: Option<u32>) -> &'r str {
        let Some(c) = column else { return "" };
        let raw = row.cell(c as usize);
        let raw = if self.cinq {
            unneutralise(raw)
        } else {
            // A spreadsheet cell made safe by an export (`'=…`) comes back as typed.
            match raw.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
                _ => raw,
            }
        };
        raw.trim()
    }

    fn check(&self, row: &Row, today: &str) -> std::result::Result<Pending, Vec<RowError>> {
        let m = self.mapping;
        let fields = row.cells.len();
        if fields < self.header_fields {
            return Err(vec![RowError {
                line: row.line,
                column: self.name(u32::try_from(fields).ok(), "network"),
                expected: expected(
                    format!(
                        "{}, as the header has: the row has {fields} (it is cut short)",
                        crate::words::count_en(self.header_fields, "field", "fields")
                    ),
                    format!(
                        "{}, comme l’en-tête : la ligne en a {fields} (elle est coupée)",
                        crate::words::count_fr(self.header_fields, "champ", "champs")
                    ),
                ),
            }]);
        }
        let mut errors = Vec::new();
        let mut err = |column: Option<u32>, fallback: &str, what: Text| {
            errors.push(RowError {
                line: row.line,
                column: self.name(column, fallback),
                expected: what,
            })
        };

        let network_cell = self.cell(row, m.network);
        let network = if network_cell.is_empty() {
            self.default_network.clone()
        } else {
            self.networks.find(network_cell).map(str::to_owned)
        };
        if network.is_none() {
            err(
                m.network,
                "network",
                if network_cell.is_empty() {
                    expected(
                        "a network (the cell is empty and no default network was chosen)",
                        "un réseau (la cellule est vide et aucun réseau par défaut n’a été choisi)",
                    )
                } else {
                    expected(
                        "a network of the strategy, such as LinkedIn or Instagram",
                        "un réseau de la stratégie, comme LinkedIn ou Instagram",
                    )
                },
            );
        }

        let date_cell = self.cell(row, m.date);
        let date = if date_cell.is_empty() {
            None
        } else {
            let parsed = parse_date_cell(date_cell, m.date_order);
            if parsed.is_none() {
                let example = match m.date_order {
                    DateOrder::DayFirst => "31/01/2027",
                    DateOrder::MonthFirst => "01/31/2027",
                };
                err(
                    m.date,
                    "date",
                    expected(
                        format!("a date like 2027-01-31 or {example}"),
                        format!("une date comme 2027-01-31 ou {example}"),
                    ),
                );
            }
            parsed
        };
        let time_cell = self.cell(row, m.time);
        let time = if time_cell.is_empty() {
            None
        } else {
            let parsed = parse_time(time_cell);
            if parsed.is_none() {
                err(
                    m.time,
                    "time",
                    expected(
                        "a time like 14:30, 14h30 or 2:30 PM",
                        "une heure comme 14:30, 14h30 ou 2:30 PM",
                    ),
                );
            }
            parsed
        };
        let scheduled_at = date.map(|(d, t)| {
            let t = time
                .or(t)
                .unwrap_or_else(|| NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
            format!("{}T{}", d.format("%Y-%m-%d"), t.format("%H:%M"))
        });

        let pillar_cell = self.cell(row, m.pillar);
        let pillar = if pillar_cell.is_empty() {
            None
        } else {
            let p = parse_pillar(pillar_cell);
            if p.is_none() {
                err(
                    m.pillar,
                    "pillar",
                    expected(
                        "promotion, curation, interaction or nothing",
                        "promotion, curation, interaction ou rien",
                    ),
                );
            }
            p
        };

        let status_cell = self.cell(row, m.status);
        let mut status = if status_cell.is_empty() {
            if scheduled_at.is_some() {
                PostStatus::Draft
            } else {
                PostStatus::Idea
            }
        } else {
            parse_status(status_cell).unwrap_or_else(|| {
                err(
                    m.status,
                    "status",
                    expected(
                        "idea, draft, ready, scheduled, published or nothing",
                        "idée, brouillon, prête, programmée, publiée ou rien",
                    ),
                );
                PostStatus::Draft
            })
        };
        // An idea (no date) can be ready at most.
        if scheduled_at.is_none() && status > PostStatus::Ready {
            status = PostStatus::Ready;
        }

        let (title, text) = (self.cell(row, m.title), self.cell(row, m.text));
        if title.is_empty() && text.is_empty() {
            err(
                m.text.or(m.title),
                "text",
                expected(
                    "a text or a title (both are empty)",
                    "un texte ou un titre (les deux sont vides)",
                ),
            );
        }

        let input = PostInput {
            network: network.unwrap_or_default(),
            scheduled_at,
            pillar,
            topic_id: None,
            title: title.to_owned(),
            text: text.to_owned(),
            link: self.cell(row, m.link).to_owned(),
            media_notes: self.cell(row, m.media_notes).to_owned(),
            status,
            editorial_item_id: None,
            objective_id: None,
            campaign: self.cell(row, m.campaign).to_owned(),
            planned: false,
            recycled_from: None,
        };
        if let Err(CoreError::Validation(fields)) = validate_post(&input) {
            for FieldError { field, max, .. } in fields {
                let column = match field.as_str() {
                    "title" => m.title,
                    "text" => m.text,
                    "link" => m.link,
                    "media_notes" => m.media_notes,
                    "campaign" => m.campaign,
                    // The date, the time and the status are checked above.
                    _ => continue,
                };
                let Some(max) = max else { continue };
                err(column, &field, at_most(max as usize));
            }
        }

        let (topic, objective, editorial) = (
            self.cell(row, m.topic),
            self.cell(row, m.objective),
            self.cell(row, m.editorial_item),
        );
        let topic_ok = topic.is_empty()
            || crate::objectives::validate_topic(&crate::objectives::TopicInput {
                pillar: Pillar::Promotion,
                name: topic.to_owned(),
                description: String::new(),
            })
            .is_ok();
        if !topic_ok {
            err(m.topic, "topic", at_most(80));
        }
        if objective.chars().count() > 200 {
            err(m.objective, "objective", at_most(200));
        }
        let editorial_ok = editorial.is_empty()
            || crate::calendar::validate_editorial(&crate::calendar::EditorialItemInput {
                item_type: crate::calendar::EditorialType::Other,
                date: today.to_owned(),
                title: editorial.to_owned(),
                theme: String::new(),
                owner: String::new(),
                status: crate::calendar::EditorialStatus::Planned,
                link: String::new(),
            })
            .is_ok();
        if !editorial_ok {
            err(m.editorial_item, "editorial_item", at_most(200));
        }

        if errors.is_empty() {
            Ok(Pending {
                input,
                topic: topic.to_owned(),
                objective: objective.to_owned(),
                editorial: editorial.to_owned(),
            })
        } else {
            Err(errors)
        }
    }
}

impl Store {
    /// Imports a picked CSV: through `mapping` when there is one, else as Cinq's own CSV (whose import has no dry
    /// run: one asked for is refused, and nothing is written). What the app's import runs.
    pub fn import_calendar_file(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: Option<&ColumnMapping>,
        skip_invalid: bool,
        dry_run: bool,
    ) -> Result<MappedImportReport> {
        let Some(mapping) = mapping else {
            if dry_run {
                return Err(CoreError::Validation(vec![FieldError::new(
                    "mapping", "required",
                )]));
            }
            let r = self.import_calendar_csv(id, file, bytes)?;
            return Ok(MappedImportReport {
                rows: r.posts,
                imported: r.posts,
                skipped: 0,
                errors: Vec::new(),
                error_count: 0,
                written: true,
                created_topics: r.created_topics,
                created_objectives: r.created_objectives,
                created_editorial: r.created_editorial,
            });
        };
        self.import_calendar_mapped(id, file, bytes, mapping, skip_invalid, dry_run)
    }

    /// Imports a CSV through `mapping`: every row is checked first; with a bad row, nothing is written unless
    /// `skip_invalid`; `dry_run` only checks. One transaction.
    pub fn import_calendar_mapped(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: &ColumnMapping,
        skip_invalid: bool,
        dry_run: bool,
    ) -> Result<MappedImportReport> {
        self.strategy(id)?;
        let table = read_table(file, bytes)?;
        let (header, data) = if mapping.has_header {
            (table.rows.first(), &table.rows[1..])
        } else {
            (None, &table.rows[..])
        };
        if data.is_empty() {
            return Err(invalid(file, "the file has a header but no rows"));
        }
        let columns = column_names(header, width(&table.rows));
        let all = crate::network::networks_of(self.conn(), id)?;
        let networks = Networks::new(&all);
        let default_network = match mapping.default_network.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(
                all.iter()
                    .find(|x| x.key == n)
                    .map(|x| x.key.clone())
                    .or_else(|| networks.find(n).map(str::to_owned))
                    .ok_or_else(|| {
                        CoreError::Validation(vec![FieldError::new(
                            "default_network",
                            "unknown_network",
                        )])
                    })?,
            ),
        };
        let checker = RowChecker {
            mapping,
            columns: &columns,
            networks,
            default_network,
            cinq: is_cinq_header(header),
            header_fields: header.map_or(0, |h| width(std::slice::from_ref(h))),
        };
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();

        let mut pending = Vec::new();
        let mut errors = Vec::new();
        let (mut error_count, mut skipped) = (0usize, 0u32);
        for row in data {
            match checker.check(row, &today) {
                Ok(p) => pending.push(p),
                Err(e) => {
                    skipped += 1;
                    error_count += e.len();
                    let room = MAX_ERRORS.saturating_sub(errors.len());
                    errors.extend(e.into_iter().take(room));
                }
            }
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut report = MappedImportReport {
            rows: count(data.len()),
            imported: 0,
            skipped: 0,
            errors,
            error_count: count(error_count),
            written: false,
            created_topics: 0,
            created_objectives: 0,
            created_editorial: 0,
        };
        if error_count > 0 && !skip_invalid {
            // A dry run still says how many rows are good and bad (the mapping screen shows both).
            if dry_run {
                report.imported = count(pending.len());
                report.skipped = skipped;
            }
            return Ok(report);
        }
        report.imported = count(pending.len());
        report.skipped = skipped;

        let links = if dry_run || pending.is_empty() {
            let mut links = NamedLinks::load(self.conn(), id)?;
            for p in &pending {
                links.topic(None, id, &p.topic, p.input.pillar)?;
                links.objective(None, id, &p.objective)?;
                links.editorial(None, id, &p.editorial, p.input.scheduled_at.as_deref())?;
            }
            links
        } else {
            let copy = self.copy_before_import()?;
            let links = self.bulk(|store| {
                store.write(|tx| {
                    touch(tx, id)?;
                    let mut links = NamedLinks::load(tx, id)?;
                    for mut p in pending {
                        p.input.topic_id = links.topic(Some(tx), id, &p.topic, p.input.pillar)?;
                        p.input.objective_id = links.objective(Some(tx), id, &p.objective)?;
                        p.input.editorial_item_id = links.editorial(
                            Some(tx),
                            id,
                            &p.editorial,
                            p.input.scheduled_at.as_deref(),
                        )?;
                        insert_post(tx, id, &p.input)?;
                    }
                    copy.wait()?;
                    Ok(links)
                })
            })?;
            report.written = true;
            links
        };
        report.created_topics = links.created_topics;
        report.created_objectives = links.created_objectives;
        report.created_editorial = links.created_editorial;
        Ok(report)
    }
}
