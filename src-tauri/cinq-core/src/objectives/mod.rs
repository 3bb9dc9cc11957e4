//! Step 3, the objectives: the chain business goal → marketing objective → social objectives (each with a KPI, a
//! baseline, a target, a deadline and a measurement plan), a mission for each kept network, the content mix (three
//! pillars, strategy-wide and per network) and the topics under each pillar.
//!
//! The SMART checks, the vanity guard and the step's findings are computed in [`crate::objectives::smart`].
//!
//! Owns: the tables of step 3 (goals, objectives, measurement plans, missions, the content mix, topics) and their
//! limits (`MAX_POSTS_PER_WEEK`…); the mix a calendar should follow ([`ActualMix`] is what it measures). Must not:
//! depend on the calendar or step 5, which read it (the planned mix is read from the `post` table directly).

pub mod smart;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Audit, Decision};
use crate::check;
use crate::error::{CoreError, FieldError, Result, MAX_NAME_CHARS};
use crate::findings::{Finding, Text};
use crate::network::Network;
use crate::store::{delete_owned, enum_from, enum_str, next_position, not_found, owned, Store};
use crate::strategy::touch;
use smart::SmartCheck;

// ---------------------------------------------------------------------------------------------------------------
// The chain: business goal → marketing objective → social objective.

/// What a business goal brings the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BusinessOutcome {
    Sales,
    Leads,
    QualifiedVisits,
    SignUps,
    Retention,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BusinessGoalInput {
    pub title: String,
    pub outcome: BusinessOutcome,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BusinessGoal {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: BusinessGoalInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MarketingObjectiveInput {
    pub title: String,
    /// The business goal it serves.
    #[ts(type = "number | null")]
    pub business_goal_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MarketingObjective {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: MarketingObjectiveInput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveType {
    Awareness,
    Engagement,
    Traffic,
    Leads,
    Conversions,
    Reputation,
    CustomerCare,
}

impl ObjectiveType {
    pub const ALL: [ObjectiveType; 7] = [
        ObjectiveType::Awareness,
        ObjectiveType::Engagement,
        ObjectiveType::Traffic,
        ObjectiveType::Leads,
        ObjectiveType::Conversions,
        ObjectiveType::Reputation,
        ObjectiveType::CustomerCare,
    ];
}

/// The metrics a KPI can follow. `custom` takes its name from the KPI's `kpi_name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiMetric {
    Reach,
    Impressions,
    Followers,
    Likes,
    /// Shares, reposts, retweets.
    Shares,
    Comments,
    EngagementRate,
    Mentions,
    VideoViews,
    Clicks,
    ClickThroughRate,
    QualifiedVisits,
    Leads,
    SignUps,
    Conversions,
    Sales,
    ResponseTime,
    ResponseRate,
    Rating,
    Custom,
}

impl KpiMetric {
    pub const ALL: [KpiMetric; 20] = [
        KpiMetric::Reach,
        KpiMetric::Impressions,
        KpiMetric::Followers,
        KpiMetric::Likes,
        KpiMetric::Shares,
        KpiMetric::Comments,
        KpiMetric::EngagementRate,
        KpiMetric::Mentions,
        KpiMetric::VideoViews,
        KpiMetric::Clicks,
        KpiMetric::ClickThroughRate,
        KpiMetric::QualifiedVisits,
        KpiMetric::Leads,
        KpiMetric::SignUps,
        KpiMetric::Conversions,
        KpiMetric::Sales,
        KpiMetric::ResponseTime,
        KpiMetric::ResponseRate,
        KpiMetric::Rating,
        KpiMetric::Custom,
    ];

    /// Followers, likes and shares: they say nothing of business results by themselves.
    pub fn is_vanity(self) -> bool {
        matches!(
            self,
            KpiMetric::Followers | KpiMetric::Likes | KpiMetric::Shares
        )
    }

    /// The vanity metric a text names, if any, in English or French: "More followers", "Gagner des abonnés", "1,000
    /// likes", "Plus de J’aime", "more shares". Whole words only, case and accents aside.
    pub fn named_in(text: &str) -> Option<KpiMetric> {
        let folded: String = text
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'à' | 'â' | 'ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' => 'i',
                'ô' | 'ö' => 'o',
                'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                c if c.is_alphanumeric() => c,
                _ => ' ',
            })
            .collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
        // "J’aime" is two words once the apostrophe is gone.
        let jaime = words.windows(2).any(|p| p == ["j", "aime"]);
        // Plurals only for likes and shares: "what customers like", "our share of voice" name no metric.
        if has(&["follower", "followers", "abonne", "abonnes", "fans"]) {
            Some(KpiMetric::Followers)
        } else if jaime || has(&["likes"]) {
            Some(KpiMetric::Likes)
        } else if has(&["shares", "reposts", "retweets", "partages"]) {
            Some(KpiMetric::Shares)
        } else {
            None
        }
    }

    /// Lower is better for a response time; higher for everything else.
    pub fn default_direction(self) -> Direction {
        match self {
            KpiMetric::ResponseTime => Direction::Decrease,
            _ => Direction::Increase,
        }
    }

    /// The measurement of the audit this metric depends on, if one.
    pub fn audit_metric(self) -> Option<audit::Metric> {
        use audit::Metric as M;
        match self {
            KpiMetric::Reach | KpiMetric::Impressions | KpiMetric::VideoViews => Some(M::Reach),
            KpiMetric::Likes
            | KpiMetric::Shares
            | KpiMetric::Comments
            | KpiMetric::EngagementRate
            | KpiMetric::Mentions => Some(M::Engagement),
            KpiMetric::Clicks | KpiMetric::ClickThroughRate | KpiMetric::QualifiedVisits => {
                Some(M::Clicks)
            }
            KpiMetric::Followers => Some(M::FollowerGrowth),
            KpiMetric::Leads | KpiMetric::SignUps | KpiMetric::Conversions | KpiMetric::Sales => {
                Some(M::Conversions)
            }
            KpiMetric::ResponseTime
            | KpiMetric::ResponseRate
            | KpiMetric::Rating
            | KpiMetric::Custom => None,
        }
    }

    /// Its name in both languages.
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            KpiMetric::Reach => ("reach", "portée"),
            KpiMetric::Impressions => ("impressions", "impressions"),
            KpiMetric::Followers => ("followers", "abonnés"),
            KpiMetric::Likes => ("likes", "mentions J’aime"),
            KpiMetric::Shares => ("shares and reposts", "partages"),
            KpiMetric::Comments => ("comments", "commentaires"),
            KpiMetric::EngagementRate => ("engagement rate", "taux d’engagement"),
            KpiMetric::Mentions => ("brand mentions", "mentions de la marque"),
            KpiMetric::VideoViews => ("video views", "vues de vidéos"),
            KpiMetric::Clicks => ("clicks", "clics"),
            KpiMetric::ClickThroughRate => ("click-through rate", "taux de clic"),
            KpiMetric::QualifiedVisits => ("qualified visits", "visites qualifiées"),
            KpiMetric::Leads => ("leads", "leads"),
            KpiMetric::SignUps => ("sign-ups", "inscriptions"),
            KpiMetric::Conversions => ("conversions", "conversions"),
            KpiMetric::Sales => ("sales", "ventes"),
            KpiMetric::ResponseTime => ("response time", "délai de réponse"),
            KpiMetric::ResponseRate => ("response rate", "taux de réponse"),
            KpiMetric::Rating => ("average rating", "note moyenne"),
            KpiMetric::Custom => ("custom metric", "indicateur personnalisé"),
        }
    }
}

/// Whether the KPI should go up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
}

/// A social objective as the user edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectiveInput {
    pub title: String,
    pub objective_type: ObjectiveType,
    /// The marketing objective it serves (the link to the business goal goes through it).
    #[ts(type = "number | null")]
    pub marketing_objective_id: Option<i64>,
    /// The KPI's metric; none yet makes the objective vague.
    pub kpi_metric: Option<KpiMetric>,
    /// The KPI in the user's words (required for a custom metric), e.g. "visits from Instagram (UTM)".
    pub kpi_name: String,
    /// e.g. "visits / month", "%", "hours".
    pub kpi_unit: String,
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// `YYYY-MM-DD`.
    pub deadline: Option<String>,
    pub networks: Vec<String>,
    pub owner: String,
    /// How reaching it leads to the business goal.
    pub contribution: String,
}

/// How often a KPI is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewFrequency {
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
}

/// How an objective's KPI is measured: where the figure comes from, how often and by whom it is reviewed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeasurementPlan {
    /// Which network export or tool gives the figure.
    pub source: String,
    pub frequency: Option<ReviewFrequency>,
    pub reviewer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Objective {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: ObjectiveInput,
    pub measurement: MeasurementPlan,
}

// ---------------------------------------------------------------------------------------------------------------
// Missions, the content mix, topics.

/// The three pillars of the content mix (in `model`, as the findings of every step name them).
pub use crate::model::Pillar;

/// Each pillar's share of the posts that have a pillar, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct ActualMix {
    pub promotion: f64,
    pub curation: f64,
    pub interaction: f64,
}

impl ActualMix {
    pub fn of(self, p: Pillar) -> f64 {
        match p {
            Pillar::Promotion => self.promotion,
            Pillar::Curation => self.curation,
            Pillar::Interaction => self.interaction,
        }
    }
}

/// What one network is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Mission {
    pub network: String,
    pub statement: String,
    /// The personas (ids) it mainly speaks to.
    #[ts(type = "Array<number>")]
    pub audiences: Vec<i64>,
    /// The social objectives (ids) it serves.
    #[ts(type = "Array<number>")]
    pub objectives: Vec<i64>,
    pub pillars: Vec<Pillar>,
    pub posts_per_week: Option<f64>,
}

/// The share of each pillar in the posts, in whole percent; the three always sum to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MixWeights {
    pub promotion: u32,
    pub curation: u32,
    pub interaction: u32,
}

impl MixWeights {
    /// A third each (100 does not split in three whole numbers; interaction gets the extra point).
    pub const DEFAULT: MixWeights = MixWeights {
        promotion: 33,
        curation: 33,
        interaction: 34,
    };
    pub fn of(self, p: Pillar) -> u32 {
        match p {
            Pillar::Promotion => self.promotion,
            Pillar::Curation => self.curation,
            Pillar::Interaction => self.interaction,
        }
    }
}

impl Default for MixWeights {
    fn default() -> Self {
        MixWeights::DEFAULT
    }
}

/// A network that overrides the strategy-wide mix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NetworkMix {
    pub network: String,
    pub weights: MixWeights,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContentMix {
    pub strategy: MixWeights,
    pub networks: Vec<NetworkMix>,
}

impl ContentMix {
    /// The mix that applies on a network: its own, else the strategy's.
    pub fn for_network(&self, network: &str) -> MixWeights {
        self.networks
            .iter()
            .find(|n| n.network == network)
            .map_or(self.strategy, |n| n.weights)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TopicInput {
    pub pillar: Pillar,
    pub name: String,
    pub description: String,
}

/// A subject under a pillar; the calendar uses topics to check variety.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Topic {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: TopicInput,
}

/// Everything step 3 stores for a strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Objectives {
    pub goals: Vec<BusinessGoal>,
    pub marketing: Vec<MarketingObjective>,
    pub objectives: Vec<Objective>,
    /// In the order of the kept networks (then any other network's mission).
    pub missions: Vec<Mission>,
    pub mix: ContentMix,
    pub topics: Vec<Topic>,
}

// ---------------------------------------------------------------------------------------------------------------
// Templates and suggestions.

/// A ready-made objective to start from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectiveTemplate {
    pub objective_type: ObjectiveType,
    pub title: Text,
    pub kpi_metric: KpiMetric,
    pub kpi_name: Text,
    pub kpi_unit: Text,
    pub direction: Direction,
    /// Where the figure usually comes from.
    pub source: Text,
    /// Why this KPI suits the type.
    pub why: Text,
}

fn tx(en: &str, fr: &str) -> Text {
    Text {
        en: en.to_owned(),
        fr: fr.to_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
fn template(
    objective_type: ObjectiveType,
    title: (&str, &str),
    kpi_metric: KpiMetric,
    kpi_name: (&str, &str),
    kpi_unit: (&str, &str),
    source: (&str, &str),
    why: (&str, &str),
) -> ObjectiveTemplate {
    ObjectiveTemplate {
        objective_type,
        title: tx(title.0, title.1),
        kpi_metric,
        kpi_name: tx(kpi_name.0, kpi_name.1),
        kpi_unit: tx(kpi_unit.0, kpi_unit.1),
        direction: kpi_metric.default_direction(),
        source: tx(source.0, source.1),
        why: tx(why.0, why.1),
    }
}

/// The ready-made objectives, two per type, each with a KPI tied to results rather than to vanity.
pub fn templates() -> Vec<ObjectiveTemplate> {
    use KpiMetric as K;
    use ObjectiveType as T;
    vec![
        template(
            T::Awareness,
            ("Reach more people who match our targets", "Toucher davantage de personnes qui correspondent à nos cibles"),
            K::Reach,
            ("Monthly reach on our networks", "Portée mensuelle sur nos réseaux"),
            ("people / month", "personnes / mois"),
            ("The networks' own statistics (Meta Business Suite, LinkedIn Page analytics…)", "Les statistiques des réseaux (Meta Business Suite, statistiques de page LinkedIn…)"),
            ("Reach counts people, not accounts that follow you: it tells you whether new people see the brand.", "La portée compte des personnes, pas des abonnés : elle dit si de nouvelles personnes voient la marque."),
        ),
        template(
            T::Awareness,
            ("Get people to search for the brand", "Donner envie de rechercher la marque"),
            K::Mentions,
            ("Brand mentions and branded searches", "Mentions de la marque et recherches de son nom"),
            ("mentions / month", "mentions / mois"),
            ("Social listening tool, Google Search Console", "Outil de veille, Google Search Console"),
            ("People who name the brand have remembered it: a step closer to buying than a like.", "Quelqu’un qui cite la marque s’en souvient : c’est plus proche d’un achat qu’un J’aime."),
        ),
        template(
            T::Engagement,
            ("Start more conversations with our community", "Lancer plus de conversations avec notre communauté"),
            K::Comments,
            ("Comments and replies per post", "Commentaires et réponses par publication"),
            ("comments / post", "commentaires / publication"),
            ("The networks' own statistics", "Les statistiques des réseaux"),
            ("A comment takes effort: it shows real interest, and each one is a chance to talk.", "Un commentaire demande un effort : il montre un vrai intérêt, et chacun est une occasion d’échanger."),
        ),
        template(
            T::Engagement,
            ("Raise the engagement rate of our posts", "Augmenter le taux d’engagement de nos publications"),
            K::EngagementRate,
            ("Engagements ÷ impressions", "Interactions ÷ impressions"),
            ("%", "%"),
            ("The networks' post exports", "Les exports de publications des réseaux"),
            ("A rate, unlike a count, does not grow just because you post more.", "Un taux, contrairement à un total, ne grimpe pas juste parce qu’on publie plus."),
        ),
        template(
            T::Traffic,
            ("Bring qualified visitors to the website", "Amener des visiteurs qualifiés sur le site"),
            K::QualifiedVisits,
            ("Visits from social media that view 2+ pages", "Visites venues des réseaux qui voient 2 pages ou plus"),
            ("visits / month", "visites / mois"),
            ("Web analytics with UTM links (e.g. Google Analytics)", "Statistiques du site avec liens UTM (ex. Google Analytics)"),
            ("Visits that go further than one page come from people who are interested: they can become customers.", "Les visites qui vont au-delà d’une page viennent de gens intéressés : ils peuvent devenir clients."),
        ),
        template(
            T::Traffic,
            ("Make our posts lead to the site", "Faire de nos publications un chemin vers le site"),
            K::ClickThroughRate,
            ("Link clicks ÷ impressions", "Clics sur les liens ÷ impressions"),
            ("%", "%"),
            ("The networks' post exports", "Les exports de publications des réseaux"),
            ("It tells you which posts make people want to know more.", "Il montre quelles publications donnent envie d’en savoir plus."),
        ),
        template(
            T::Leads,
            ("Collect leads from social media", "Générer des leads depuis les réseaux sociaux"),
            K::Leads,
            ("Contact or quote requests from social media", "Demandes de contact ou de devis venues des réseaux"),
            ("leads / month", "leads / mois"),
            ("CRM or form tool, with the source of each lead", "CRM ou outil de formulaires, avec la source de chaque lead"),
            ("A lead is a person who may buy: the most direct link between social media and sales.", "Un lead est une personne qui peut acheter : le lien le plus direct entre réseaux et ventes."),
        ),
        template(
            T::Leads,
            ("Grow the newsletter from social media", "Faire grandir la newsletter grâce aux réseaux"),
            K::SignUps,
            ("Newsletter sign-ups from social media", "Inscriptions à la newsletter venues des réseaux"),
            ("sign-ups / month", "inscriptions / mois"),
            ("Emailing tool, with a dedicated sign-up link", "Outil d’emailing, avec un lien d’inscription dédié"),
            ("Subscribers are people you can reach again without paying for it.", "Un abonné à la newsletter, c’est quelqu’un qu’on peut recontacter sans payer."),
        ),
        template(
            T::Conversions,
            ("Sell more online thanks to social media", "Vendre plus en ligne grâce aux réseaux"),
            K::Sales,
            ("Online orders from social media", "Commandes en ligne venues des réseaux"),
            ("orders / month", "commandes / mois"),
            ("E-shop statistics with UTM links", "Statistiques de la boutique en ligne avec liens UTM"),
            ("The business result itself: it tells you what social media brings in.", "Le résultat business lui-même : il dit ce que rapportent les réseaux."),
        ),
        template(
            T::Conversions,
            ("Turn more visits from social media into orders", "Transformer plus de visites venues des réseaux en commandes"),
            K::Conversions,
            ("Conversion rate of visits from social media", "Taux de conversion des visites venues des réseaux"),
            ("%", "%"),
            ("Web analytics with UTM links", "Statistiques du site avec liens UTM"),
            ("It tells you whether the people social media brings are the right ones.", "Il dit si les personnes amenées par les réseaux sont les bonnes."),
        ),
        template(
            T::Reputation,
            ("Improve what customers say about us online", "Améliorer ce que les clients disent de nous en ligne"),
            K::Rating,
            ("Average rating of reviews", "Note moyenne des avis"),
            ("out of 5", "sur 5"),
            ("Google Business Profile, review sites", "Fiche Google Business Profile, sites d’avis"),
            ("Reviews weigh on the decision to buy; answering them shows care.", "Les avis pèsent dans la décision d’achat ; y répondre montre qu’on s’en soucie."),
        ),
        template(
            T::Reputation,
            ("Be talked about more, and in good terms", "Faire parler de nous davantage, et en bien"),
            K::Mentions,
            ("Positive mentions of the brand", "Mentions positives de la marque"),
            ("mentions / month", "mentions / mois"),
            ("Social listening tool", "Outil de veille des réseaux"),
            ("What others say about the brand convinces more than what it says itself.", "Ce que les autres disent de la marque convainc plus que ce qu’elle dit d’elle-même."),
        ),
        template(
            T::CustomerCare,
            ("Answer customers quickly on social media", "Répondre vite aux clients sur les réseaux"),
            K::ResponseTime,
            ("Median time to first reply", "Délai médian de première réponse"),
            ("hours", "heures"),
            ("The networks' inboxes (Meta Business Suite…)", "Les messageries des réseaux (Meta Business Suite…)"),
            ("A quick answer keeps a customer and avoids a public complaint.", "Une réponse rapide garde un client et évite une plainte publique."),
        ),
        template(
            T::CustomerCare,
            ("Leave no customer question unanswered", "Ne laisser aucune question de client sans réponse"),
            K::ResponseRate,
            ("Share of messages and comments answered", "Part des messages et commentaires qui reçoivent une réponse"),
            ("%", "%"),
            ("The networks' inboxes", "Les messageries des réseaux"),
            ("Every question left unanswered is a customer who may leave.", "Chaque question sans réponse est un client qui peut partir."),
        ),
    ]
}

/// A suggested mission for a network, to start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MissionSuggestion {
    pub network: String,
    pub statement: Text,
    pub pillars: Vec<Pillar>,
}

/// The suggested mission of each built-in network.
pub fn mission_suggestions() -> Vec<MissionSuggestion> {
    use Pillar::*;
    let s = |network: &str, en: &str, fr: &str, pillars: &[Pillar]| MissionSuggestion {
        network: network.to_owned(),
        statement: tx(en, fr),
        pillars: pillars.to_vec(),
    };
    vec![
        s("facebook", "Keep a local community close: news, events, and answers to customers.", "Entretenir une communauté de proximité : actualités, événements et réponses aux clients.", &[Interaction, Promotion]),
        s("instagram", "Tell the brand's story in pictures: the people, the making-of, the products in real life.", "Raconter l’histoire de la marque en images : les personnes, les coulisses, les produits dans la vraie vie.", &[Interaction, Promotion]),
        s("linkedin", "Build credibility and expertise: show what we know and who we are as a company.", "Renforcer notre crédibilité et notre expertise : montrer ce que nous savons et qui nous sommes.", &[Curation, Interaction]),
        s("x", "Keep up with the news of our field and take part in its conversations, live.", "Suivre l’actualité de notre secteur et participer à ses conversations, en direct.", &[Curation, Interaction]),
        s("tiktok", "Reach a younger audience with short, sincere and entertaining videos.", "Toucher un public plus jeune avec des vidéos courtes, sincères et divertissantes.", &[Interaction, Curation]),
        s("youtube", "Teach and show: tutorials, demonstrations and stories that people search for.", "Apprendre et montrer : tutoriels, démonstrations et histoires que les gens recherchent.", &[Curation, Promotion]),
        s("pinterest", "Inspire projects and lead to the products that make them happen.", "Inspirer des projets et mener vers les produits qui les réalisent.", &[Curation, Promotion]),
        s("threads", "Talk with our community in a relaxed, conversational tone.", "Échanger avec notre communauté sur un ton détendu.", &[Interaction]),
        s("bluesky", "Take part in the conversations of our field, in our own voice.", "Participer aux conversations de notre secteur, avec notre propre voix.", &[Interaction, Curation]),
        s("mastodon", "Take part in the conversations of our field, in our own voice.", "Participer aux conversations de notre secteur, avec notre propre voix.", &[Interaction, Curation]),
        s("snapchat", "Share the brand's everyday life with a young audience, on the spot.", "Partager le quotidien de la marque avec un public jeune, sur le vif.", &[Interaction]),
        s("google_business", "Bring nearby customers to the shop, and look after our reviews.", "Faire venir les clients du quartier en boutique, et soigner nos avis.", &[Promotion, Interaction]),
        s("blog", "Be the reference on our subjects: articles that answer our customers' questions.", "Être la référence sur nos sujets : des articles qui répondent aux questions des clients.", &[Curation, Promotion]),
        s("newsletter", "Keep our best customers informed first, and bring them back to buy.", "Informer nos meilleurs clients en premier, et les faire revenir acheter.", &[Promotion, Curation]),
    ]
}

// ---------------------------------------------------------------------------------------------------------------
// Which networks get a mission.

/// The networks the audit kept, in catalogue order: selected, not dropped, and either decided (keep / improve) or with
/// no active account yet (a network to open).
pub fn kept_networks(audit: &Audit) -> Vec<String> {
    audit
        .selected
        .iter()
        .filter(|k| {
            let p = audit.presences.iter().find(|p| &p.network == *k);
            match p.and_then(|p| p.decision) {
                Some(Decision::Drop) => false,
                Some(_) => true,
                None => audit.not_on_social_yet || !p.is_some_and(|p| p.active),
            }
        })
        .cloned()
        .collect()
}

/// Selected networks where the brand is active but the audit has not decided whether to keep it.
pub fn undecided_networks(audit: &Audit) -> Vec<String> {
    crate::audit::selected_where(audit, |p| p.active && p.decision.is_none())
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// The view.

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonaRef {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

/// The checks of one objective, shown beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectiveCheck {
    #[ts(type = "number")]
    pub objective_id: i64,
    pub smart: SmartCheck,
    /// Data sources the audit lists for this KPI on the objective's networks.
    pub source_suggestions: Vec<String>,
}

/// What the UI needs to know of a metric: whether it is a vanity one, and which way it should go by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MetricInfo {
    pub metric: KpiMetric,
    pub vanity: bool,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectivesView {
    pub data: Objectives,
    pub networks: Vec<Network>,
    /// The networks the audit kept; each needs a mission.
    pub kept: Vec<String>,
    /// Networks with an active account and no keep / drop decision yet.
    pub undecided: Vec<String>,
    pub personas: Vec<PersonaRef>,
    /// The personas (ids) who use each kept network at least moderately: the suggested audiences of its mission.
    pub suggested_audiences: Vec<NetworkAudiences>,
    pub checks: Vec<ObjectiveCheck>,
    pub findings: Vec<Finding>,
    pub templates: Vec<ObjectiveTemplate>,
    pub mission_suggestions: Vec<MissionSuggestion>,
    /// Every metric of the catalogue, with the rules the UI shows.
    pub metrics: Vec<MetricInfo>,
    /// The strategy's today, `YYYY-MM-DD`: the checks are computed against it.
    pub today: String,
    /// The mix of the posts planned in the calendar (every dated post with a pillar), beside the target; none
    /// before the calendar has any.
    pub planned_mix: Option<ActualMix>,
    /// How many posts `planned_mix` is computed from.
    pub planned_posts: u32,
    /// Which data parts have something in them (the step's progress indicator).
    pub progress: ObjectivesProgress,
}

/// Which of step 3's data parts have something in them: a business goal, a social objective, a mission with its
/// statement, a topic (the mix's part holds the topics), an objective's measurement with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ObjectivesProgress {
    pub goals: bool,
    pub objectives: bool,
    pub missions: bool,
    pub mix: bool,
    pub measurement: bool,
}

impl Objectives {
    pub fn progress(&self) -> ObjectivesProgress {
        ObjectivesProgress {
            goals: !self.goals.is_empty(),
            objectives: !self.objectives.is_empty(),
            missions: self.missions.iter().any(|m| !m.statement.trim().is_empty()),
            mix: !self.topics.is_empty(),
            measurement: self
                .objectives
                .iter()
                .any(|o| !o.measurement.source.trim().is_empty()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NetworkAudiences {
    pub network: String,
    #[ts(type = "Array<number>")]
    pub personas: Vec<i64>,
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.

pub fn validate_goal(g: &BusinessGoalInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "title", &g.title, 200);
    check::text(&mut e, "description", &g.description, 2000);
    check::done(e)
}

pub fn validate_marketing(m: &MarketingObjectiveInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "title", &m.title, 200);
    check::done(e)
}

/// The most networks an objective names.
pub const MAX_OBJECTIVE_NETWORKS: usize = 50;

pub fn validate_objective(o: &ObjectiveInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "title", &o.title, 200);
    check::text(&mut e, "kpi_name", &o.kpi_name, MAX_NAME_CHARS);
    if o.kpi_metric == Some(KpiMetric::Custom) && o.kpi_name.trim().is_empty() {
        e.push(FieldError::new("kpi_name", "required"));
    }
    check::text(&mut e, "kpi_unit", &o.kpi_unit, 40);
    check::not_negative(&mut e, "baseline", o.baseline);
    check::not_negative(&mut e, "target", o.target);
    check::date(&mut e, "deadline", o.deadline.as_deref());
    check::text(&mut e, "owner", &o.owner, MAX_NAME_CHARS);
    check::text(&mut e, "contribution", &o.contribution, 2000);
    if o.networks.len() > MAX_OBJECTIVE_NETWORKS {
        e.push(FieldError::too_many("networks", MAX_OBJECTIVE_NETWORKS));
    }
    check::done(e)
}

pub fn validate_measurement(m: &MeasurementPlan) -> Result<()> {
    let mut e = Vec::new();
    check::text(&mut e, "source", &m.source, 300);
    check::text(&mut e, "reviewer", &m.reviewer, MAX_NAME_CHARS);
    check::done(e)
}

/// The most posts a week a mission (or an adaptation of its frequency) can set.
pub const MAX_POSTS_PER_WEEK: u32 = 100;

pub fn validate_mission(m: &Mission) -> Result<()> {
    let mut e = Vec::new();
    check::text(&mut e, "statement", &m.statement, 1000);
    check::not_negative(&mut e, "posts_per_week", m.posts_per_week);
    if m.posts_per_week
        .is_some_and(|p| p > f64::from(MAX_POSTS_PER_WEEK))
    {
        e.push(FieldError::out_of_range(
            "posts_per_week",
            0,
            MAX_POSTS_PER_WEEK.into(),
        ));
    }
    check::done(e)
}

/// Each weight from 0 to 100, and the three summing to 100.
pub fn validate_mix(w: &MixWeights) -> Result<()> {
    let mut e = Vec::new();
    for (f, v) in [
        ("promotion", w.promotion),
        ("curation", w.curation),
        ("interaction", w.interaction),
    ] {
        if v > 100 {
            e.push(FieldError::out_of_range(f, 0, 100));
        }
    }
    if e.is_empty() && w.promotion + w.curation + w.interaction != 100 {
        e.push(FieldError::new("weights", "sum_not_100"));
    }
    check::done(e)
}

pub fn validate_topic(t: &TopicInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "name", &t.name, 80);
    check::text(&mut e, "description", &t.description, 500);
    check::done(e)
}

/// Trims, drops blanks and repeats, keeping the order.
fn dedup<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut seen = BTreeSet::new();
    items
        .iter()
        .filter(|x| seen.insert((*x).clone()))
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// The store.

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| CoreError::Io(format!("cannot encode objectives data: {e}")))
}

fn known_networks(tx: &Transaction, id: i64, keys: &[String]) -> Result<()> {
    let all = crate::network::networks_of(tx, id)?;
    if keys.iter().all(|k| all.iter().any(|n| &n.key == k)) {
        Ok(())
    } else {
        Err(CoreError::Validation(vec![FieldError::new(
            "networks",
            "unknown_network",
        )]))
    }
}

pub(crate) fn insert_goal(tx: &Transaction, id: i64, g: &BusinessGoalInput) -> Result<i64> {
    let position = next_position(tx, "business_goal", id)?;
    tx.execute(
        "INSERT INTO business_goal (strategy_id, position, title, outcome, description) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, position, g.title.trim(), enum_str(&g.outcome), g.description],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn insert_marketing(
    tx: &Transaction,
    id: i64,
    m: &MarketingObjectiveInput,
) -> Result<i64> {
    let position = next_position(tx, "marketing_objective", id)?;
    tx.execute(
        "INSERT INTO marketing_objective (strategy_id, position, title, business_goal_id) VALUES (?1, ?2, ?3, ?4)",
        params![id, position, m.title.trim(), m.business_goal_id],
    )?;
    Ok(tx.last_insert_rowid())
}

fn clean_objective(o: &ObjectiveInput) -> ObjectiveInput {
    ObjectiveInput {
        title: o.title.trim().to_owned(),
        kpi_name: o.kpi_name.trim().to_owned(),
        kpi_unit: o.kpi_unit.trim().to_owned(),
        owner: o.owner.trim().to_owned(),
        networks: dedup(&o.networks),
        ..o.clone()
    }
}

pub(crate) fn insert_objective(tx: &Transaction, id: i64, o: &ObjectiveInput) -> Result<i64> {
    let position = next_position(tx, "social_objective", id)?;
    let o = clean_objective(o);
    tx.execute(
        "INSERT INTO social_objective (strategy_id, position, marketing_objective_id, data) VALUES (?1, ?2, ?3, ?4)",
        params![id, position, o.marketing_objective_id, json(&o)?],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn write_measurement(
    tx: &Transaction,
    objective_id: i64,
    m: &MeasurementPlan,
) -> Result<()> {
    let m = MeasurementPlan {
        source: m.source.trim().to_owned(),
        reviewer: m.reviewer.trim().to_owned(),
        ..m.clone()
    };
    tx.execute(
        "INSERT INTO measurement_plan (objective_id, data) VALUES (?1, ?2)
         ON CONFLICT (objective_id) DO UPDATE SET data = excluded.data",
        params![objective_id, json(&m)?],
    )?;
    Ok(())
}

/// Writes a mission and its links (audiences and objectives must belong to the strategy).
pub(crate) fn write_mission(tx: &Transaction, id: i64, m: &Mission) -> Result<()> {
    let stored = Mission {
        statement: m.statement.trim().to_owned(),
        audiences: Vec::new(),
        objectives: Vec::new(),
        pillars: dedup(&m.pillars),
        ..m.clone()
    };
    tx.execute(
        "INSERT INTO mission (strategy_id, network, data) VALUES (?1, ?2, ?3)
         ON CONFLICT (strategy_id, network) DO UPDATE SET data = excluded.data",
        params![id, m.network, json(&stored)?],
    )?;
    tx.execute(
        "DELETE FROM mission_persona WHERE strategy_id = ?1 AND network = ?2",
        params![id, m.network],
    )?;
    tx.execute(
        "DELETE FROM mission_objective WHERE strategy_id = ?1 AND network = ?2",
        params![id, m.network],
    )?;
    for (position, p) in dedup(&m.audiences).iter().enumerate() {
        owned(tx, "persona", id, *p, "audiences")?;
        tx.execute(
            "INSERT INTO mission_persona (strategy_id, network, persona_id, position) VALUES (?1, ?2, ?3, ?4)",
            params![id, m.network, p, position as i64],
        )?;
    }
    for (position, o) in dedup(&m.objectives).iter().enumerate() {
        owned(tx, "social_objective", id, *o, "objectives")?;
        tx.execute(
            "INSERT INTO mission_objective (strategy_id, network, objective_id, position) VALUES (?1, ?2, ?3, ?4)",
            params![id, m.network, o, position as i64],
        )?;
    }
    Ok(())
}

/// Writes the strategy-wide mix (`network` None) or a network's override.
pub(crate) fn write_mix(
    tx: &Transaction,
    id: i64,
    network: Option<&str>,
    w: &MixWeights,
) -> Result<()> {
    tx.execute(
        "INSERT INTO content_mix (strategy_id, network, promotion, curation, interaction) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (strategy_id, network) DO UPDATE SET
           promotion = excluded.promotion, curation = excluded.curation, interaction = excluded.interaction",
        params![id, network.unwrap_or(""), w.promotion, w.curation, w.interaction],
    )?;
    Ok(())
}

pub(crate) fn insert_topic(tx: &Transaction, id: i64, t: &TopicInput) -> Result<i64> {
    topic_name_free(tx, id, None, t)?;
    let position = next_position(tx, "topic", id)?;
    tx.execute(
        "INSERT INTO topic (strategy_id, position, pillar, name, description) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, position, enum_str(&t.pillar), t.name.trim(), t.description.trim()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A topic's name is unique under its pillar (case-insensitively).
fn topic_name_free(tx: &Transaction, id: i64, topic_id: Option<i64>, t: &TopicInput) -> Result<()> {
    let taken: Option<i64> = tx
        .query_row(
            "SELECT id FROM topic WHERE strategy_id = ?1 AND pillar = ?2 AND lower(name) = lower(?3) AND id IS NOT ?4",
            params![id, enum_str(&t.pillar), t.name.trim(), topic_id],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(CoreError::Validation(vec![FieldError::new(
            "name", "taken",
        )])),
        None => Ok(()),
    }
}

fn read_objectives(conn: &rusqlite::Connection, id: i64) -> Result<Objectives> {
    let goals = conn
        .prepare_cached(
            "SELECT id, title, outcome, description FROM business_goal WHERE strategy_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| {
            let outcome: String = r.get(2)?;
            Ok(BusinessGoal {
                id: r.get(0)?,
                data: BusinessGoalInput {
                    title: r.get(1)?,
                    outcome: enum_from(&outcome).unwrap_or(BusinessOutcome::Other),
                    description: r.get(3)?,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let marketing = conn
        .prepare_cached(
            "SELECT id, title, business_goal_id FROM marketing_objective WHERE strategy_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| {
            Ok(MarketingObjective {
                id: r.get(0)?,
                data: MarketingObjectiveInput {
                    title: r.get(1)?,
                    business_goal_id: r.get(2)?,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let objectives = conn
        .prepare_cached(
            "SELECT o.id, o.marketing_objective_id, o.data, m.data FROM social_objective o
             LEFT JOIN measurement_plan m ON m.objective_id = o.id
             WHERE o.strategy_id = ?1 ORDER BY o.position, o.id",
        )?
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .filter_map(|r| r.ok())
        .filter_map(|(oid, mid, data, plan)| {
            let data: ObjectiveInput = serde_json::from_str(&data).ok()?;
            Some(Objective {
                id: oid,
                data: ObjectiveInput {
                    // The column is the truth: it is cleared when the marketing objective goes.
                    marketing_objective_id: mid,
                    ..data
                },
                measurement: plan
                    .and_then(|p| serde_json::from_str(&p).ok())
                    .unwrap_or_default(),
            })
        })
        .collect();
    let links = |table: &str, column: &str, network: &str| -> Result<Vec<i64>> {
        Ok(conn
            .prepare_cached(&format!(
                "SELECT {column} FROM {table} WHERE strategy_id = ?1 AND network = ?2 ORDER BY position"
            ))?
            .query_map(params![id, network], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let stored: Vec<(String, String)> = conn
        .prepare_cached("SELECT network, data FROM mission WHERE strategy_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let order: Vec<String> = crate::network::networks_of(conn, id)?
        .into_iter()
        .map(|n| n.key)
        .collect();
    let mut missions = Vec::new();
    for (network, data) in stored {
        let Ok(m) = serde_json::from_str::<Mission>(&data) else {
            continue;
        };
        missions.push(Mission {
            audiences: links("mission_persona", "persona_id", &network)?,
            objectives: links("mission_objective", "objective_id", &network)?,
            network,
            ..m
        });
    }
    missions.sort_by_key(|m| order.iter().position(|k| *k == m.network));
    let mut mix = ContentMix::default();
    let rows: Vec<(String, MixWeights)> = conn
        .prepare_cached(
            "SELECT network, promotion, curation, interaction FROM content_mix WHERE strategy_id = ?1",
        )?
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                MixWeights {
                    promotion: r.get(1)?,
                    curation: r.get(2)?,
                    interaction: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (network, weights) in rows {
        if network.is_empty() {
            mix.strategy = weights;
        } else {
            mix.networks.push(NetworkMix { network, weights });
        }
    }
    mix.networks
        .sort_by_key(|n| order.iter().position(|k| *k == n.network));
    let topics = conn
        .prepare_cached(
            "SELECT id, pillar, name, description FROM topic WHERE strategy_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| {
            let pillar: String = r.get(1)?;
            Ok(Topic {
                id: r.get(0)?,
                data: TopicInput {
                    pillar: enum_from(&pillar).unwrap_or(Pillar::Promotion),
                    name: r.get(2)?,
                    description: r.get(3)?,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Objectives {
        goals,
        marketing,
        objectives,
        missions,
        mix,
        topics,
    })
}

/// The personas of the audit who use `network` at least moderately.
fn audiences_of(audit: &Audit, network: &str) -> Vec<i64> {
    audit
        .personas
        .iter()
        .filter(|p| {
            p.usage
                .iter()
                .any(|u| u.network == network && u.level >= audit::UsageLevel::Medium)
        })
        .map(|p| p.id)
        .collect()
}

impl Store {
    pub fn objectives(&self, id: i64) -> Result<Objectives> {
        self.strategy(id)?;
        read_objectives(self.conn(), id)
    }

    /// Step 3 with its checks and findings, computed against `today` (the strategy's date).
    pub fn objectives_view(&self, id: i64, today: NaiveDate) -> Result<ObjectivesView> {
        let data = self.objectives(id)?;
        let audit = self.audit(id)?;
        let kept = kept_networks(&audit);
        let undecided = undecided_networks(&audit);
        let checks = data
            .objectives
            .iter()
            .map(|o| ObjectiveCheck {
                objective_id: o.id,
                smart: smart::check(o, &data, today),
                source_suggestions: smart::source_suggestions(o, &audit),
            })
            .collect();
        let findings = smart::objectives_findings(&data, &audit, today);
        let (planned_mix, planned_posts) = planned_mix(self.conn(), id)?;
        let suggested_audiences = kept
            .iter()
            .map(|k| NetworkAudiences {
                network: k.clone(),
                personas: audiences_of(&audit, k),
            })
            .collect();
        Ok(ObjectivesView {
            personas: audit
                .personas
                .iter()
                .map(|p| PersonaRef {
                    id: p.id,
                    name: p.name.clone(),
                })
                .collect(),
            networks: audit.networks,
            kept,
            undecided,
            suggested_audiences,
            checks,
            findings,
            templates: templates(),
            mission_suggestions: mission_suggestions(),
            metrics: KpiMetric::ALL
                .iter()
                .map(|m| MetricInfo {
                    metric: *m,
                    vanity: m.is_vanity(),
                    direction: m.default_direction(),
                })
                .collect(),
            today: today.format("%Y-%m-%d").to_string(),
            planned_mix,
            planned_posts,
            progress: data.progress(),
            data,
        })
    }

    /// Creates (`goal_id` None) or updates a business goal. Returns its id.
    pub fn save_goal(
        &mut self,
        id: i64,
        goal_id: Option<i64>,
        input: &BusinessGoalInput,
    ) -> Result<i64> {
        validate_goal(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            match goal_id {
                None => insert_goal(tx, id, input),
                Some(gid) => {
                    let n = tx.execute(
                        "UPDATE business_goal SET title = ?3, outcome = ?4, description = ?5 WHERE id = ?2 AND strategy_id = ?1",
                        params![id, gid, input.title.trim(), enum_str(&input.outcome), input.description],
                    )?;
                    if n == 0 {
                        return Err(not_found("business goal", gid));
                    }
                    Ok(gid)
                }
            }
        })
    }

    /// Deletes a business goal; the marketing objectives that served it are kept, unlinked.
    pub fn delete_goal(&mut self, id: i64, goal_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            delete_owned(tx, "business_goal", id, goal_id, "business goal")
        })
    }

    /// Creates (`marketing_id` None) or updates a marketing objective. Returns its id.
    pub fn save_marketing(
        &mut self,
        id: i64,
        marketing_id: Option<i64>,
        input: &MarketingObjectiveInput,
    ) -> Result<i64> {
        validate_marketing(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            if let Some(g) = input.business_goal_id {
                owned(tx, "business_goal", id, g, "business_goal_id")?;
            }
            match marketing_id {
                None => insert_marketing(tx, id, input),
                Some(mid) => {
                    let n = tx.execute(
                        "UPDATE marketing_objective SET title = ?3, business_goal_id = ?4 WHERE id = ?2 AND strategy_id = ?1",
                        params![id, mid, input.title.trim(), input.business_goal_id],
                    )?;
                    if n == 0 {
                        return Err(not_found("marketing objective", mid));
                    }
                    Ok(mid)
                }
            }
        })
    }

    /// Deletes a marketing objective; its social objectives are kept, unlinked.
    pub fn delete_marketing(&mut self, id: i64, marketing_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            delete_owned(
                tx,
                "marketing_objective",
                id,
                marketing_id,
                "marketing objective",
            )
        })
    }

    /// Creates (`objective_id` None) or updates a social objective. Returns its id.
    pub fn save_objective(
        &mut self,
        id: i64,
        objective_id: Option<i64>,
        input: &ObjectiveInput,
    ) -> Result<i64> {
        validate_objective(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            known_networks(tx, id, &input.networks)?;
            if let Some(m) = input.marketing_objective_id {
                owned(tx, "marketing_objective", id, m, "marketing_objective_id")?;
            }
            match objective_id {
                None => insert_objective(tx, id, input),
                Some(oid) => {
                    let o = clean_objective(input);
                    let n = tx.execute(
                        "UPDATE social_objective SET marketing_objective_id = ?3, data = ?4 WHERE id = ?2 AND strategy_id = ?1",
                        params![id, oid, o.marketing_objective_id, json(&o)?],
                    )?;
                    if n == 0 {
                        return Err(not_found("objective", oid));
                    }
                    Ok(oid)
                }
            }
        })
    }

    /// Deletes a social objective with its measurement plan; missions stop serving it.
    pub fn delete_objective(&mut self, id: i64, objective_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            delete_owned(tx, "social_objective", id, objective_id, "objective")
        })
    }

    pub fn save_measurement(
        &mut self,
        id: i64,
        objective_id: i64,
        plan: &MeasurementPlan,
    ) -> Result<()> {
        validate_measurement(plan)?;
        self.write(|tx| {
            touch(tx, id)?;
            owned(tx, "social_objective", id, objective_id, "objective_id")?;
            write_measurement(tx, objective_id, plan)
        })
    }

    pub fn save_mission(&mut self, id: i64, mission: &Mission) -> Result<()> {
        validate_mission(mission)?;
        self.write(|tx| {
            touch(tx, id)?;
            known_networks(tx, id, std::slice::from_ref(&mission.network))?;
            write_mission(tx, id, mission)
        })
    }

    /// Sets the strategy-wide mix (`network` None), a network's own mix, or with `weights` None removes a network's
    /// own mix so that it follows the strategy's again.
    pub fn save_mix(
        &mut self,
        id: i64,
        network: Option<&str>,
        weights: Option<&MixWeights>,
    ) -> Result<()> {
        if let Some(w) = weights {
            validate_mix(w)?;
        }
        self.write(|tx| {
            touch(tx, id)?;
            if let Some(n) = network {
                known_networks(tx, id, &[n.to_owned()])?;
            }
            match (network, weights) {
                (_, Some(w)) => write_mix(tx, id, network, w),
                (Some(n), None) => {
                    tx.execute(
                        "DELETE FROM content_mix WHERE strategy_id = ?1 AND network = ?2",
                        params![id, n],
                    )?;
                    Ok(())
                }
                (None, None) => Err(CoreError::Validation(vec![FieldError::new(
                    "weights", "required",
                )])),
            }
        })
    }

    /// Creates (`topic_id` None) or updates a topic. Returns its id.
    pub fn save_topic(
        &mut self,
        id: i64,
        topic_id: Option<i64>,
        input: &TopicInput,
    ) -> Result<i64> {
        validate_topic(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            match topic_id {
                None => insert_topic(tx, id, input),
                Some(tid) => {
                    topic_name_free(tx, id, Some(tid), input)?;
                    let n = tx.execute(
                        "UPDATE topic SET pillar = ?3, name = ?4, description = ?5 WHERE id = ?2 AND strategy_id = ?1",
                        params![id, tid, enum_str(&input.pillar), input.name.trim(), input.description.trim()],
                    )?;
                    if n == 0 {
                        return Err(not_found("topic", tid));
                    }
                    Ok(tid)
                }
            }
        })
    }

    pub fn delete_topic(&mut self, id: i64, topic_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            delete_owned(tx, "topic", id, topic_id, "topic")
        })
    }
}

/// The share of each pillar among a strategy's dated posts that have one (what the calendar plans), and their count.
fn planned_mix(conn: &rusqlite::Connection, id: i64) -> Result<(Option<ActualMix>, u32)> {
    let mut counts = [0u32; 3];
    let mut stmt = conn.prepare_cached(
        "SELECT json_extract(data, '$.pillar'), count(*) FROM post
         WHERE strategy_id = ?1 AND scheduled_at IS NOT NULL GROUP BY 1",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let pillar: Option<String> = r.get(0)?;
        let n: u32 = r.get(1)?;
        if let Some(i) = Pillar::ALL
            .iter()
            .position(|p| Some(crate::store::enum_str(p).as_str()) == pillar.as_deref())
        {
            counts[i] += n;
        }
    }
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return Ok((None, 0));
    }
    let share = |n: u32| f64::from(n) * 100.0 / f64::from(total);
    Ok((
        Some(ActualMix {
            promotion: share(counts[0]),
            curation: share(counts[1]),
            interaction: share(counts[2]),
        }),
        total,
    ))
}
