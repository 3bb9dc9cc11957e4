// Generated from the Rust types in src-tauri/cinq-core by `cargo test -p cinq-core --test bindings`.
// Do not edit by hand: run that test with UPDATE_BINDINGS=1 to write this file again.

export type Language = "en" | "fr";

export type StepId = "audit" | "benchmark" | "objectives" | "calendar" | "test_adapt";

export type StepState = { step: StepId, completed: boolean, };

export type Strategy = { id: number, name: string, organisation: string, sector: string, language: Language, 
/**
 * An IANA time zone name.
 */
timezone: string, 
/**
 * `YYYY-MM-DD`.
 */
start_date: string, current_step: StepId, 
/**
 * Always the five steps, in order.
 */
steps: Array<StepState>, 
/**
 * RFC 3339, UTC.
 */
created_at: string, updated_at: string, };

export type StrategySummary = { id: number, name: string, organisation: string, sector: string, language: Language, updated_at: string, completed_steps: number, };

export type StrategyInput = { name: string, organisation: string, sector: string, language: Language, timezone: string, start_date: string, };

export type ErrorCode = "validation" | "not_found" | "conflict" | "newer_schema" | "not_a_database" | "unwritable" | "invalid_file" | "cancelled" | "io" | "internal";

export type FieldError = { field: string, code: string, min?: number, max?: number, };

export type ApiError = { code: ErrorCode, message: string, fields: Array<FieldError>, };

export type LanguagePref = "system" | "en" | "fr";

export type ThemePref = "system" | "light" | "dark";

export type Settings = { language: LanguagePref, theme: ThemePref, };

export type AppInfo = { 
/**
 * The app's name (the bundle's product name).
 */
name: string, 
/**
 * Cinq's version ([`crate::VERSION`]).
 */
version: string, 
/**
 * The database file the app has open (or failed to open).
 */
db_path: string, 
/**
 * The strategy to reopen at start, if it still exists.
 */
last_strategy_id: number | null, 
/**
 * The language of the OS, which the `system` language preference follows.
 */
system_language: Language, 
/**
 * The limits the UI needs before an answer (a counter, an input's bounds, a default).
 */
limits: Limits, };

export type Limits = { 
/**
 * The longest name (a strategy's…), in characters: `error::MAX_NAME_CHARS`.
 */
name_chars: number, 
/**
 * The most posts a week of a mission: `objectives::MAX_POSTS_PER_WEEK`.
 */
posts_per_week: number, 
/**
 * The days from an adaptation to its review, by default: `adapt::adaptations::REVIEW_AFTER_DAYS`.
 */
review_after_days: number, };

export type BackupReason = "daily" | "import" | "migration" | "manual" | "before_restore";

export type BackupInfo = { 
/**
 * The file's name in the backups folder; `cinq backup restore NAME` takes it.
 */
name: string, path: string, 
/**
 * When it was taken, RFC 3339 in UTC.
 */
created_at: string, reason: BackupReason, 
/**
 * For a migration copy: the schema version the file was at.
 */
from_version: number | null, 
/**
 * Its size in bytes.
 */
size: number, 
/**
 * The names of the strategies it holds (not those in the bin), in alphabetical order.
 */
strategies: Array<string>, 
/**
 * False when the copy could not be read (damaged, or not a Cinq database): a restore would refuse it.
 */
readable: boolean, };

export type BackupsView = { backups: Array<BackupInfo>, 
/**
 * [`KEEP_DAYS`].
 */
keep_days: number, 
/**
 * [`KEEP_WEEKS`].
 */
keep_weeks: number, 
/**
 * [`KEEP_EVENTS`].
 */
keep_events: number, };

export type RestoreReport = { 
/**
 * The copy now in use.
 */
restored: BackupInfo, 
/**
 * The data replaced, kept as a copy (none when there was no database yet).
 */
kept: BackupInfo | null, };

export type NetworkKind = "social" | "owned";

export type ContentFormat = "photo" | "video" | "carousel" | "text" | "link" | "story" | "live" | "short_video";

export type FrenchName = { 
/**
 * As a subject or an object: "le blog", "la newsletter", "Instagram".
 */
the: string, 
/**
 * Where one posts: "sur le blog", "dans la newsletter", "sur Instagram".
 */
on: string, 
/**
 * After "de": "du blog", "de la newsletter", "d’Instagram", "de LinkedIn".
 */
of: string, 
/**
 * After "à": "au blog", "à la newsletter", "à Instagram".
 */
to: string, };

export type Network = { 
/**
 * A stable key: `linkedin`, or `custom-…` for the strategy's own networks.
 */
key: string, name: string, kind: NetworkKind, 
/**
 * The longest post, in characters, if the network has a limit.
 */
max_length: number | null, formats: Array<ContentFormat>, custom: boolean, 
/**
 * How French puts the network in a sentence ("sur le blog", "d’Instagram").
 */
fr: FrenchName, };

export type CustomNetworkInput = { name: string, kind: NetworkKind, max_length: number | null, formats: Array<ContentFormat>, };

export type AudienceType = "b2b" | "b2c";

export type UsageLevel = "none" | "low" | "medium" | "high";

export type PersonaUsage = { network: string, level: UsageLevel, };

export type Persona = { id: number, name: string, description: string, audience_type: AudienceType, age_min: number | null, age_max: number | null, 
/**
 * One entry per network the user rated; a network not listed counts as `none`.
 */
usage: Array<PersonaUsage>, };

export type PersonaInput = { name: string, description: string, audience_type: AudienceType, age_min: number | null, age_max: number | null, usage: Array<PersonaUsage>, };

export type Decision = "keep" | "improve" | "drop";

export type FormatRating = { format: ContentFormat, rating: number, };

export type Presence = { network: string, 
/**
 * Handle or URL.
 */
handle: string, owner: string, active: boolean, followers: number | null, posts_per_week: number | null, likes_per_post: number | null, comments_per_post: number | null, shares_per_post: number | null, 
/**
 * In percent, from 0 to 100.
 */
engagement_rate: number | null, who_interacts: string, best_times: string, 
/**
 * `YYYY-MM-DD`.
 */
last_post_on: string | null, decision: Decision | null, formats: Array<FormatRating>, };

export type Metric = "reach" | "engagement" | "clicks" | "follower_growth" | "conversions";

export type MetricCheck = { network: string, metric: Metric, available: boolean, source: string, 
/**
 * Absent from strategy files before version 7: read as false.
 */
not_applicable: boolean, };

export type Audit = { 
/**
 * The catalogue, then the strategy's own networks.
 */
networks: Array<Network>, 
/**
 * The keys of the networks under audit, in catalogue order.
 */
selected: Array<string>, 
/**
 * "We are not on social media yet": the presence questions are skipped.
 */
not_on_social_yet: boolean, 
/**
 * An active account with no post for longer than this is stale.
 */
stale_after_days: number, personas: Array<Persona>, presences: Array<Presence>, metrics: Array<MetricCheck>, };

export type MetricGap = { network: string, 
/**
 * In the order of [`Metric::ALL`].
 */
metrics: Array<Metric>, };

export type AuditProgress = { audiences: boolean, presence: boolean, measurement: boolean, 
/**
 * The networks under audit whose account is described ([`Presence::is_described`]), in network order.
 */
described: Array<string>, 
/**
 * The measurements to settle, per network that needs them ([`measured_networks`]), in network order.
 */
gaps: Array<MetricGap>, 
/**
 * The answer to "Do I have every measurement I need?", naming what is missing and where.
 */
measurement_answer: Text, };

export type AuditView = { audit: Audit, findings: Array<Finding>, progress: AuditProgress, };

export type PlayerType = "direct_competitor" | "indirect_competitor" | "leader" | "inspiring";

export type PlayerInput = { name: string, player_type: PlayerType, website: string, notes: string, };

export type Player = { id: number, name: string, player_type: PlayerType, website: string, notes: string, };

export type ObservationInput = { player_id: number, network: string, 
/**
 * `YYYY-MM-DD`.
 */
observed_on: string, followers: number | null, posts_per_week: number | null, 
/**
 * Average reactions + comments + shares per post.
 */
engagement_per_post: number | null, themes: Array<string>, tone: string, formats: Array<ContentFormat>, works: string, fails: string, };

export type Observation = { id: number, player_id: number, network: string, 
/**
 * `YYYY-MM-DD`.
 */
observed_on: string, followers: number | null, posts_per_week: number | null, 
/**
 * Average reactions + comments + shares per post.
 */
engagement_per_post: number | null, themes: Array<string>, tone: string, formats: Array<ContentFormat>, works: string, fails: string, };

export type CustomerVoice = { 
/**
 * Their words and expressions.
 */
words: string, tone: string, 
/**
 * What they like to share.
 */
shares: string, 
/**
 * What their reactions (likes, shares, comments) say.
 */
reactions: string, 
/**
 * Questions to ask them directly.
 */
questions: Array<string>, };

export type TrendInput = { title: string, 
/**
 * The network it concerns, if one.
 */
network: string | null, source: string, why: string, 
/**
 * How the brand could adapt it.
 */
adaptation: string, };

export type Trend = { id: number, title: string, 
/**
 * The network it concerns, if one.
 */
network: string | null, source: string, why: string, 
/**
 * How the brand could adapt it.
 */
adaptation: string, };

export type Benchmark = { players: Array<Player>, 
/**
 * All observations, newest first.
 */
observations: Array<Observation>, voice: CustomerVoice, trends: Array<Trend>, 
/**
 * The themes the brand talks about or considers.
 */
brand_themes: Array<string>, };

export type ComparisonRow = { network: string, 
/**
 * None for the brand itself.
 */
player_id: number | null, name: string, player_type: PlayerType | null, followers: number | null, posts_per_week: number | null, engagement_per_post: number | null, 
/**
 * The observation's date (None for the brand, whose figures come from the audit).
 */
observed_on: string | null, };

export type Coverage = { themes: Array<string>, 
/**
 * For each theme (same order), the ids of the players whose latest observations cover it.
 */
covered_by: Array<Array<number>>, 
/**
 * Themes no player covers.
 */
white_space: Array<string>, 
/**
 * Themes every player covers (with two players or more).
 */
crowded: Array<string>, };

export type BenchmarkView = { benchmark: Benchmark, networks: Array<Network>, comparison: Array<ComparisonRow>, coverage: Coverage, findings: Array<Finding>, 
/**
 * The questions for customers as a short survey text.
 */
survey: Text, 
/**
 * Which data parts have something in them (the step's progress indicator).
 */
progress: BenchmarkProgress, };

export type BenchmarkProgress = { players: boolean, observations: boolean, voice: boolean, trends: boolean, };

export type BusinessOutcome = "sales" | "leads" | "qualified_visits" | "sign_ups" | "retention" | "other";

export type BusinessGoalInput = { title: string, outcome: BusinessOutcome, description: string, };

export type BusinessGoal = { id: number, title: string, outcome: BusinessOutcome, description: string, };

export type MarketingObjectiveInput = { title: string, 
/**
 * The business goal it serves.
 */
business_goal_id: number | null, };

export type MarketingObjective = { id: number, title: string, 
/**
 * The business goal it serves.
 */
business_goal_id: number | null, };

export type ObjectiveType = "awareness" | "engagement" | "traffic" | "leads" | "conversions" | "reputation" | "customer_care";

export type KpiMetric = "reach" | "impressions" | "followers" | "likes" | "shares" | "comments" | "engagement_rate" | "mentions" | "video_views" | "clicks" | "click_through_rate" | "qualified_visits" | "leads" | "sign_ups" | "conversions" | "sales" | "response_time" | "response_rate" | "rating" | "custom";

export type Direction = "increase" | "decrease";

export type ObjectiveInput = { title: string, objective_type: ObjectiveType, 
/**
 * The marketing objective it serves (the link to the business goal goes through it).
 */
marketing_objective_id: number | null, 
/**
 * The KPI's metric; none yet makes the objective vague.
 */
kpi_metric: KpiMetric | null, 
/**
 * The KPI in the user's words (required for a custom metric), e.g. "visits from Instagram (UTM)".
 */
kpi_name: string, 
/**
 * e.g. "visits / month", "%", "hours".
 */
kpi_unit: string, direction: Direction, baseline: number | null, target: number | null, 
/**
 * `YYYY-MM-DD`.
 */
deadline: string | null, networks: Array<string>, owner: string, 
/**
 * How reaching it leads to the business goal.
 */
contribution: string, };

export type ReviewFrequency = "weekly" | "fortnightly" | "monthly" | "quarterly";

export type MeasurementPlan = { 
/**
 * Which network export or tool gives the figure.
 */
source: string, frequency: ReviewFrequency | null, reviewer: string, };

export type Objective = { id: number, measurement: MeasurementPlan, title: string, objective_type: ObjectiveType, 
/**
 * The marketing objective it serves (the link to the business goal goes through it).
 */
marketing_objective_id: number | null, 
/**
 * The KPI's metric; none yet makes the objective vague.
 */
kpi_metric: KpiMetric | null, 
/**
 * The KPI in the user's words (required for a custom metric), e.g. "visits from Instagram (UTM)".
 */
kpi_name: string, 
/**
 * e.g. "visits / month", "%", "hours".
 */
kpi_unit: string, direction: Direction, baseline: number | null, target: number | null, 
/**
 * `YYYY-MM-DD`.
 */
deadline: string | null, networks: Array<string>, owner: string, 
/**
 * How reaching it leads to the business goal.
 */
contribution: string, };

export type Pillar = "promotion" | "curation" | "interaction";

export type Mission = { network: string, statement: string, 
/**
 * The personas (ids) it mainly speaks to.
 */
audiences: Array<number>, 
/**
 * The social objectives (ids) it serves.
 */
objectives: Array<number>, pillars: Array<Pillar>, posts_per_week: number | null, };

export type MixWeights = { promotion: number, curation: number, interaction: number, };

export type NetworkMix = { network: string, weights: MixWeights, };

export type ContentMix = { strategy: MixWeights, networks: Array<NetworkMix>, };

export type TopicInput = { pillar: Pillar, name: string, description: string, };

export type Topic = { id: number, pillar: Pillar, name: string, description: string, };

export type Objectives = { goals: Array<BusinessGoal>, marketing: Array<MarketingObjective>, objectives: Array<Objective>, 
/**
 * In the order of the kept networks (then any other network's mission).
 */
missions: Array<Mission>, mix: ContentMix, topics: Array<Topic>, };

export type ObjectiveTemplate = { objective_type: ObjectiveType, title: Text, kpi_metric: KpiMetric, kpi_name: Text, kpi_unit: Text, direction: Direction, 
/**
 * Where the figure usually comes from.
 */
source: Text, 
/**
 * Why this KPI suits the type.
 */
why: Text, };

export type MissionSuggestion = { network: string, statement: Text, pillars: Array<Pillar>, };

export type PersonaRef = { id: number, name: string, };

export type MetricInfo = { metric: KpiMetric, vanity: boolean, direction: Direction, };

export type Ambition = "ok" | "too_high" | "wrong_way" | "unchanged" | "timid" | "from_zero" | "unknown";

export type PacePeriod = "week" | "month";

export type Pace = { per: PacePeriod, 
/**
 * The factor by which the KPI must change each period (1.5 = +50 %).
 */
factor: number, };

export type SmartCheck = { specific: boolean, measurable: boolean, ambition: Ambition, 
/**
 * Ambitious but achievable: the ambition is ok, timid, or cannot be judged from a baseline of 0.
 */
achievable: boolean, 
/**
 * The KPI's change per month the target asks for, as a factor (1.5 = +50 % a month), when it can be computed.
 */
monthly_factor: number | null, 
/**
 * The same change said per week when the deadline is near, per month otherwise: what the texts show.
 */
pace: Pace | null, relevant: boolean, time_bound: boolean, vanity: boolean, };

export type ObjectiveCheck = { objective_id: number, smart: SmartCheck, 
/**
 * Data sources the audit lists for this KPI on the objective's networks.
 */
source_suggestions: Array<string>, };

export type NetworkAudiences = { network: string, personas: Array<number>, };

export type ObjectivesView = { data: Objectives, networks: Array<Network>, 
/**
 * The networks the audit kept; each needs a mission.
 */
kept: Array<string>, 
/**
 * Networks with an active account and no keep / drop decision yet.
 */
undecided: Array<string>, personas: Array<PersonaRef>, 
/**
 * The personas (ids) who use each kept network at least moderately: the suggested audiences of its mission.
 */
suggested_audiences: Array<NetworkAudiences>, checks: Array<ObjectiveCheck>, findings: Array<Finding>, templates: Array<ObjectiveTemplate>, mission_suggestions: Array<MissionSuggestion>, 
/**
 * Every metric of the catalogue, with the rules the UI shows.
 */
metrics: Array<MetricInfo>, 
/**
 * The strategy's today, `YYYY-MM-DD`: the checks are computed against it.
 */
today: string, 
/**
 * The mix of the posts planned in the calendar (every dated post with a pillar), beside the target; none
 * before the calendar has any.
 */
planned_mix: ActualMix | null, 
/**
 * How many posts `planned_mix` is computed from.
 */
planned_posts: number, 
/**
 * Which data parts have something in them (the step's progress indicator).
 */
progress: ObjectivesProgress, };

export type ObjectivesProgress = { goals: boolean, objectives: boolean, missions: boolean, mix: boolean, measurement: boolean, };

export type OverviewNetwork = { key: string, name: string, decision: Decision | null, mission: Mission | null, };

export type OverviewObjective = { objective: Objective, smart: SmartCheck, };

export type StrategyOverview = { strategy: Strategy, audiences: Array<Persona>, 
/**
 * The kept networks, in catalogue order.
 */
networks: Array<OverviewNetwork>, goals: Array<BusinessGoal>, marketing: Array<MarketingObjective>, objectives: Array<OverviewObjective>, mix: ContentMix, topics: Array<Topic>, 
/**
 * The open findings of steps 1 to 3, in step order, most severe first within a step.
 */
findings: Array<Finding>, 
/**
 * The day the overview was computed for, `YYYY-MM-DD`.
 */
today: string, };

export type EditorialType = "article" | "newsletter" | "event" | "product_launch" | "video" | "other";

export type EditorialStatus = "planned" | "in_progress" | "ready" | "published";

export type EditorialItemInput = { item_type: EditorialType, 
/**
 * `YYYY-MM-DD`.
 */
date: string, title: string, theme: string, owner: string, status: EditorialStatus, link: string, };

export type EditorialItem = { id: number, item_type: EditorialType, 
/**
 * `YYYY-MM-DD`.
 */
date: string, title: string, theme: string, owner: string, status: EditorialStatus, link: string, };

export type PostStatus = "idea" | "draft" | "ready" | "scheduled" | "published";

export type PostInput = { network: string, 
/**
 * `YYYY-MM-DDTHH:MM` in the strategy's time zone; none for an idea of the backlog.
 */
scheduled_at: string | null, pillar: Pillar | null, topic_id: number | null, 
/**
 * The title or hook.
 */
title: string, text: string, link: string, media_notes: string, status: PostStatus, 
/**
 * The editorial item it relays.
 */
editorial_item_id: number | null, 
/**
 * The social objective it serves.
 */
objective_id: number | null, campaign: string, 
/**
 * Proposed by the planner ([`crate::calendar::plan`]) and accepted: the list view can filter on it. Kept through edits.
 */
planned?: boolean, 
/**
 * A re-run of a published post, which the planner copied: the day the original was published (`YYYY-MM-DD`).
 */
recycled_from?: string, };

export type Post = { id: number, network: string, 
/**
 * `YYYY-MM-DDTHH:MM` in the strategy's time zone; none for an idea of the backlog.
 */
scheduled_at: string | null, pillar: Pillar | null, topic_id: number | null, 
/**
 * The title or hook.
 */
title: string, text: string, link: string, media_notes: string, status: PostStatus, 
/**
 * The editorial item it relays.
 */
editorial_item_id: number | null, 
/**
 * The social objective it serves.
 */
objective_id: number | null, campaign: string, 
/**
 * Proposed by the planner ([`crate::calendar::plan`]) and accepted: the list view can filter on it. Kept through edits.
 */
planned?: boolean, 
/**
 * A re-run of a published post, which the planner copied: the day the original was published (`YYYY-MM-DD`).
 */
recycled_from?: string, };

export type Calendar = { 
/**
 * Editorial items, by date.
 */
editorial: Array<EditorialItem>, 
/**
 * Dated posts, by date and time.
 */
posts: Array<Post>, 
/**
 * Posts with no date yet (the ideas backlog), newest first.
 */
ideas: Array<Post>, };

export type CheckOptions = { 
/**
 * Two posts on one network closer than this collide.
 */
collision_gap_minutes: number, 
/**
 * How far (in percentage points) a pillar's actual share may be from its target.
 */
mix_tolerance: number, 
/**
 * This many posts in a row on one topic is too many.
 */
repeat_limit: number, 
/**
 * A topic unused over this many weeks is flagged.
 */
unused_weeks: number, };

export type CalendarFinding = { 
/**
 * The title a post's own checks show, when the finding is about each of its posts; none for a finding about the
 * plan or a network as a whole (see the module's rules).
 */
post_title: Text | null, posts: Array<number>, editorial: Array<number>, kind: FindingKind, severity: Severity, network: string | null, title: Text, 
/**
 * The evidence, in a sentence or two.
 */
explanation: Text, suggestion: Text, link: FindingLink, };

export type ActualMix = { promotion: number, curation: number, interaction: number, };

export type MixGauge = { network: string | null, target: MixWeights, 
/**
 * None when no post has a pillar.
 */
actual: ActualMix | null, 
/**
 * The posts with a pillar it is computed from.
 */
posts: number, within_tolerance: boolean, };

export type TopicCount = { topic_id: number, posts: number, };

export type CalendarChecks = { 
/**
 * The period checked, `YYYY-MM-DD`, inclusive.
 */
from: string, to: string, findings: Array<CalendarFinding>, gauges: Array<MixGauge>, 
/**
 * Posts per topic over the period, every topic of step 3 included.
 */
topics: Array<TopicCount>, 
/**
 * The thresholds the checks used (the UI's help quotes them).
 */
options: CheckOptions, 
/**
 * [`MIX_MIN_POSTS`]: a gauge with fewer posts is not judged.
 */
mix_min_posts: number, };

export type ScopeKind = "period" | "plan";

export type ChecksScope = { kind: ScopeKind, 
/**
 * Its short name: "This week", "This month" or "This period"; "Whole plan".
 */
name: Text, 
/**
 * What is checked, in a sentence with its dates.
 */
covers: Text, };

export type ScopedChecks = { scope: ChecksScope, 
/**
 * The period checked, `YYYY-MM-DD`, inclusive.
 */
from: string, to: string, findings: Array<CalendarFinding>, gauges: Array<MixGauge>, 
/**
 * Posts per topic over the period, every topic of step 3 included.
 */
topics: Array<TopicCount>, 
/**
 * The thresholds the checks used (the UI's help quotes them).
 */
options: CheckOptions, 
/**
 * [`MIX_MIN_POSTS`]: a gauge with fewer posts is not judged.
 */
mix_min_posts: number, };

export type ExportFormat = "cinq-csv" | "google-csv" | "outlook-csv" | "hootsuite" | "sprout" | "ics";

export type Delimiter = "comma" | "semicolon";

export type ExportOptions = { format: ExportFormat, 
/**
 * `YYYY-MM-DD`, inclusive; none for the whole plan.
 */
from: string | null, to: string | null, 
/**
 * Only these networks (all when empty).
 */
networks: Array<string>, 
/**
 * Only these statuses (all when empty).
 */
statuses: Array<PostStatus>, delimiter: Delimiter, 
/**
 * A UTF-8 byte order mark first (Excel needs it to read accents right).
 */
bom: boolean, };

export type ImportReport = { posts: number, 
/**
 * Topics, objectives and editorial items the file named and the strategy did not have, created for it.
 */
created_topics: number, created_objectives: number, created_editorial: number, };

export type CalendarRow = { network: string, name: string, 
/**
 * How French puts the network in a sentence ("sur le blog", "d’Instagram").
 */
fr: FrenchName, 
/**
 * The longest post, in characters, if the network has a limit.
 */
max_length: number | null, 
/**
 * Kept by the audit. A network that was not (dropped later) still gets a row while it has posts in the period.
 */
kept: boolean, 
/**
 * The mission's target, from step 3.
 */
posts_per_week: number | null, 
/**
 * The mission's main pillars.
 */
pillars: Array<Pillar>, 
/**
 * What a new post on this row starts with (the user can change both): the mission's first pillar, and the
 * objective it serves when there is only one to serve (the mission's only objective, else the only objective
 * that names the network).
 */
new_pillar: Pillar | null, new_objective: number | null, };

export type EditorialRef = { id: number, title: string, date: string, };

export type CalendarView = { 
/**
 * The period, `YYYY-MM-DD`, inclusive.
 */
from: string, to: string, 
/**
 * The strategy's today.
 */
today: string, 
/**
 * The period's editorial items and posts, and every idea.
 */
calendar: Calendar, 
/**
 * Kept networks in the order of their missions (those without a mission after them), then networks no longer
 * kept that have posts in the period or ideas (so that no post is out of sight).
 */
rows: Array<CalendarRow>, 
/**
 * The live checks over the period (their scope is [`ScopeKind::Period`]).
 */
checks: ScopedChecks, 
/**
 * Every editorial item of the strategy, by date (what a post can relay).
 */
editorial_all: Array<EditorialRef>, 
/**
 * Every campaign name used, sorted.
 */
campaigns: Array<string>, };

export type CalendarChanged = { posts: Array<Post>, editorial: Array<EditorialItem>, view: CalendarView, };

export type PostMoved = { post: Post, rows: Array<CalendarRow>, checks: ScopedChecks, };

export type CalendarChange = { posts: Array<Post>, editorial: Array<EditorialItem>, delete_posts: Array<number>, delete_editorial: Array<number>, };

export type CalendarImported = { report: MappedImportReport, view: CalendarView, };

export type DateOrder = "day_first" | "month_first";

export type ColumnMapping = { 
/**
 * The first line holds column names.
 */
has_header: boolean, network: number | null, 
/**
 * The network of every row when the file has no network column (or the cell is empty).
 */
default_network: string | null, 
/**
 * A date, or a date and time in one cell. Rows with no date become ideas.
 */
date: number | null, time: number | null, date_order: DateOrder, title: number | null, text: number | null, link: number | null, media_notes: number | null, pillar: number | null, topic: number | null, status: number | null, campaign: number | null, editorial_item: number | null, objective: number | null, };

export type CsvPreview = { 
/**
 * The file's name (no folder).
 */
file: string, 
/**
 * The delimiter found: `,`, `;` or a tab.
 */
delimiter: string, 
/**
 * The file is Cinq's own CSV: it is imported as it stands, with no mapping.
 */
cinq: boolean, 
/**
 * The column names (from the header, or "Column 1", "Column 2"… when there is none).
 */
columns: Array<string>, 
/**
 * The first data rows (at most 20).
 */
rows: Array<Array<string>>, 
/**
 * How many data rows the file has.
 */
total_rows: number, 
/**
 * The mapping suggested from the column names (English and French) and the values.
 */
mapping: ColumnMapping, };

export type RowError = { 
/**
 * The line in the file (1-based, the header counted).
 */
line: number, 
/**
 * The column's name as the preview shows it.
 */
column: string, expected: Text, };

export type MappedImportReport = { 
/**
 * The data rows of the file.
 */
rows: number, 
/**
 * Posts written; on a dry run, the good rows (that would be written).
 */
imported: number, 
/**
 * Bad rows left out (with "skip invalid rows"); on a dry run, the bad rows.
 */
skipped: number, 
/**
 * The bad rows' errors, the first 200 of them.
 */
errors: Array<RowError>, 
/**
 * How many errors there are in all.
 */
error_count: number, 
/**
 * Whether anything was written: false on a dry run, and while a row is bad without "skip invalid rows".
 */
written: boolean, created_topics: number, created_objectives: number, created_editorial: number, };

export type PlanRequest = { 
/**
 * The period, `YYYY-MM-DD`, inclusive.
 */
from: string, to: string, 
/**
 * The networks to plan; none: every kept network whose mission sets posts per week.
 */
networks: Array<string>, 
/**
 * Days to leave empty, `YYYY-MM-DD`.
 */
avoid: Array<string>, 
/**
 * Re-run the networks' best published posts older than the cooldown.
 */
recycle: boolean, 
/**
 * The cooldown, in days ([`DEFAULT_COOLDOWN_DAYS`] when none).
 */
cooldown_days: number | null, };

export type ProposedPost = { 
/**
 * One line: its slot, and its pillar (or the item it relays, the post it re-runs).
 */
reason: Text, network: string, 
/**
 * `YYYY-MM-DDTHH:MM` in the strategy's time zone; none for an idea of the backlog.
 */
scheduled_at: string | null, pillar: Pillar | null, topic_id: number | null, 
/**
 * The title or hook.
 */
title: string, text: string, link: string, media_notes: string, status: PostStatus, 
/**
 * The editorial item it relays.
 */
editorial_item_id: number | null, 
/**
 * The social objective it serves.
 */
objective_id: number | null, campaign: string, 
/**
 * Proposed by the planner ([`crate::calendar::plan`]) and accepted: the list view can filter on it. Kept through edits.
 */
planned?: boolean, 
/**
 * A re-run of a published post, which the planner copied: the day the original was published (`YYYY-MM-DD`).
 */
recycled_from?: string, };

export type Plan = { 
/**
 * The period, `YYYY-MM-DD`, inclusive.
 */
from: string, to: string, 
/**
 * By date and time, then network.
 */
posts: Array<ProposedPost>, 
/**
 * What the plan could not meet and why, and the pillars planned without topics.
 */
notes: Array<Text>, };

export type Variant = { name: string, successes: number, trials: number, };

export type TestUsed = "z_test" | "fisher_exact";

export type Comparison = { control: Variant, variant: Variant, control_rate: number, variant_rate: number, 
/**
 * `variant_rate − control_rate`.
 */
difference: number, 
/**
 * The 95 % Wald confidence interval of the difference (unpooled standard error), clamped to [−1, 1].
 */
difference_low: number, difference_high: number, 
/**
 * `difference / control_rate`, e.g. 0.25 for +25 %; none when the control's rate is 0.
 */
relative_lift: number | null, test: TestUsed, 
/**
 * The z statistic (variant against control, pooled standard error), for the z-test only.
 */
z: number | null, 
/**
 * The chi-square statistic with 1 degree of freedom (`z²`), for the z-test only.
 */
chi_square: number | null, 
/**
 * The two-sided p-value of the test.
 */
p_value: number, 
/**
 * The p-value adjusted for the number of comparisons (Holm); the raw one when there is a single comparison.
 */
adjusted_p_value: number, 
/**
 * `adjusted_p_value < ALPHA`.
 */
significant: boolean, 
/**
 * When not significant and the rates differ: how many more trials each variant needs to detect the observed
 * difference with 80 % power (see [`more_trials_needed`]).
 */
more_trials_needed: number | null, };

export type Measures = { impressions: number | null, reach: number | null, 
/**
 * Reactions or likes.
 */
reactions: number | null, comments: number | null, 
/**
 * Shares, reposts.
 */
shares: number | null, saves: number | null, clicks: number | null, video_views: number | null, 
/**
 * Follows gained.
 */
follows: number | null, 
/**
 * Leads or conversions.
 */
leads: number | null, };

export type TypedMeasures = { impressions: string, reach: string, reactions: string, comments: string, shares: string, saves: string, clicks: string, video_views: string, follows: string, leads: string, };

export type ResultSource = "manual" | "import";

export type ResultSnapshot = { post_id: number, 
/**
 * `YYYY-MM-DD`, in the strategy's time zone.
 */
taken_on: string, source: ResultSource, measures: Measures, };

export type Publication = { 
/**
 * The network's id of the post (empty when unknown).
 */
external_id: string, permalink: string, format: ContentFormat | null, 
/**
 * Found on the network by an import, with no planned post matching it.
 */
unplanned: boolean, 
/**
 * When the network says the post went out (`YYYY-MM-DDTHH:MM`, local wall time in the strategy's time zone), as
 * its export gives it; none when the export gives the date alone (or no export was imported).
 */
published_at?: string, };

export type PostResults = { post_id: number, publication: Publication | null, snapshots: Array<ResultSnapshot>, };

export type ExportKind = "x_posts" | "x_tweets" | "facebook_posts" | "instagram_posts" | "linkedin_posts" | "mapped";

export type ResultsImportOptions = { 
/**
 * Imports the good rows even though some are bad.
 */
skip_invalid: boolean, 
/**
 * Computes the report and writes nothing.
 */
dry_run: boolean, 
/**
 * The day the numbers are from (`YYYY-MM-DD`); today in the strategy's time zone when none.
 */
taken_on: string | null, };

export type ResultsImportReport = { 
/**
 * The file's name.
 */
file: string, kind: ExportKind, network: string, 
/**
 * The data rows of the file.
 */
rows: number, matched: number, updated: number, unchanged: number, unplanned: number, rejected: number, 
/**
 * The bad rows' errors, the first 200 of them.
 */
errors: Array<RowError>, error_count: number, 
/**
 * Whether anything was written.
 */
written: boolean, taken_on: string, };

export type MeasureColumns = { impressions: number | null, reach: number | null, reactions: number | null, comments: number | null, shares: number | null, saves: number | null, clicks: number | null, video_views: number | null, follows: number | null, leads: number | null, };

export type ResultsMapping = { has_header: boolean, network: number | null, 
/**
 * The network of the rows whose network cell is empty (or of every row, with no network column).
 */
default_network: string | null, 
/**
 * The publication date, or date and time in one cell. Required.
 */
date: number | null, date_order: DateOrder, external_id: number | null, permalink: number | null, text: number | null, format: number | null, measures: MeasureColumns, };

export type ResultsCsvPreview = { file: string, 
/**
 * The column names (from the header, or "Column 1", "Column 2"… when there is none).
 */
columns: Array<string>, 
/**
 * The first data rows (at most 20).
 */
rows: Array<Array<string>>, total_rows: number, 
/**
 * The mapping suggested from the column names (English and French).
 */
mapping: ResultsMapping, };

export type ResultsPicked = { report: ResultsImportReport | null, preview: ResultsCsvPreview | null, };

export type KpiStatus = "on_track" | "at_risk" | "off_track" | "no_data";

export type KpiSource = "readings" | "posts" | "none";

export type KpiPoint = { date: string, value: number, 
/**
 * The straight path's value on that date (see [`expected_on`]), when the objective has a baseline, a target and a
 * deadline.
 */
expected: number | null, };

export type KpiReading = { id: number, objective_id: number, taken_on: string, value: number, note: string, };

export type KpiTrack = { objective_id: number, title: string, metric: KpiMetric | null, unit: string, direction: Direction, baseline: number | null, target: number | null, start: string, deadline: string | null, source: KpiSource, 
/**
 * For a flow computed from posts: the days each value sums.
 */
period_days: number | null, current: number | null, history: Array<KpiPoint>, 
/**
 * The straight path's two ends, for charts: the baseline on the start date and the target on the deadline.
 */
path: Array<KpiPoint>, expected: number | null, progress: number | null, projected: number | null, status: KpiStatus, 
/**
 * The status in a sentence, with its figures.
 */
explanation: Text, readings: Array<KpiReading>, };

export type GroupBy = "network" | "pillar" | "topic" | "format";

export type Totals = { posts: number, impressions: number, engagements: number, clicks: number, 
/**
 * Engagements over impressions (reach when a post has no impressions), in percent.
 */
engagement_rate: number | null, 
/**
 * Clicks over impressions, in percent.
 */
click_through_rate: number | null, };

export type WeekTotals = { 
/**
 * The Monday of the week.
 */
week: string, totals: Totals, };

export type PerformanceGroup = { by: GroupBy, 
/**
 * The network's key, the pillar, the topic's id or the format; empty for posts with none.
 */
key: string, label: string, totals: Totals, 
/**
 * The median of the posts' engagement rates, in percent.
 */
median_engagement_rate: number | null, weeks: Array<WeekTotals>, top: number[], bottom: number[], };

export type PostPerformance = { post_id: number, network: string, scheduled_at: string, title: string, pillar: Pillar | null, topic_id: number | null, format: ContentFormat | null, unplanned: boolean, measures: Measures, 
/**
 * In percent.
 */
engagement_rate: number | null, click_through_rate: number | null, };

export type UnderperformerKind = "post" | "format" | "network";

export type Underperformer = { kind: UnderperformerKind, network: string, post_id: number | null, format: ContentFormat | null, 
/**
 * Its engagement rate, in percent.
 */
value: number, 
/**
 * The baseline it is compared with, in percent.
 */
baseline: number, title: Text, explanation: Text, suggestion: Text, };

export type Evaluation = { from: string, to: string, today: string, objectives: Array<KpiTrack>, overall: Totals, groups: Array<PerformanceGroup>, 
/**
 * Posts with results in the period, by date.
 */
posts: Array<PostPerformance>, top: number[], bottom: number[], underperformers: Array<Underperformer>, };

export type SlotEstimate = { 
/**
 * 1 = Monday … 7 = Sunday.
 */
weekday: number, 
/**
 * 0–23.
 */
hour: number, 
/**
 * The counted posts published in this slot (its own, not its neighbours').
 */
posts: number, 
/**
 * The estimated rate, a fraction: engagements per reach, shrunk toward the network's rate.
 */
rate: number, 
/**
 * The 90 % interval of the rate.
 */
low: number, high: number, 
/**
 * The slot's own reach and engagements (the sums over its posts).
 */
reach: number, engagements: number, };

export type NetworkBestTimes = { network: string, 
/**
 * The posts the estimate learns from: with results, a rate and a known time.
 */
posts: number, 
/**
 * Posts with results left out: no known time (an export with the date alone) or no rate.
 */
left_out: number, 
/**
 * At least [`MIN_POSTS`] posts: the best slots can be shown.
 */
enough_data: boolean, 
/**
 * The posts still needed before the best slots are shown (0 when there are enough).
 */
needed: number, 
/**
 * The network's own rate over its counted posts (a fraction); none without any.
 */
rate: number | null, 
/**
 * The best slots, best first (empty without enough data).
 */
best: Array<SlotEstimate>, 
/**
 * A slot with no post yet to try once: a test, not a recommendation (none without enough data).
 */
to_try: SlotEstimate | null, 
/**
 * Every slot, Monday 0h first, then Monday 1h… (168; empty without enough data), for the heat map.
 */
slots: Array<SlotEstimate>, 
/**
 * What the estimate rests on, or why there is none yet, in a sentence.
 */
note: Text, };

export type BestTimes = { 
/**
 * The strategy's IANA time zone, which the slots are in.
 */
timezone: string, 
/**
 * The networks the audit kept and those with counted posts, in the catalogue's order.
 */
networks: Array<NetworkBestTimes>, 
/**
 * The thresholds, for the screens to quote: [`MIN_POSTS`], [`MIN_SLOT_POSTS`], [`INTERVAL`].
 */
min_posts: number, min_slot_posts: number, interval: number, 
/**
 * How many best slots the post editor hints: [`HINTED`].
 */
hinted: number, };

export type VariedElement = "photo" | "title" | "text" | "time" | "format";

export type SuccessMetric = "click_through" | "engagement_rate" | "ratio";

export type MeasureKey = "impressions" | "reach" | "reactions" | "comments" | "shares" | "saves" | "clicks" | "video_views" | "follows" | "leads" | "engagements";

export type AbVariantInput = { label: string, post_id: number | null, 
/**
 * Counts typed by hand, used when the post has no results (or there is no post).
 */
successes: number | null, trials: number | null, };

export type AbTestInput = { name: string, hypothesis: string, varied: VariedElement, metric: SuccessMetric, 
/**
 * For a ratio.
 */
numerator: MeasureKey | null, denominator: MeasureKey | null, variants: Array<AbVariantInput>, learning: string, };

export type AbStatus = "waiting_for_data" | "running" | "decided";

export type AbVariantData = { label: string, post_id: number | null, 
/**
 * The post's title, network and slot, when there is a post.
 */
post_title: string, network: string, scheduled_at: string | null, 
/**
 * Whether the counts come from the post's results (else typed, or none).
 */
from_results: boolean, successes: number | null, trials: number | null, };

export type AbTest = { id: number, 
/**
 * The variants as the test counts them (the input's `variants` say what was typed); named apart in JSON so that
 * both cross the IPC.
 */
variant_data: Array<AbVariantData>, comparisons: Array<Comparison>, 
/**
 * One sentence per comparison.
 */
verdicts: Array<Text>, status: AbStatus, 
/**
 * The winning variant's label, once decided.
 */
winner: string | null, 
/**
 * The networks of its posts.
 */
networks: Array<string>, name: string, hypothesis: string, varied: VariedElement, metric: SuccessMetric, 
/**
 * For a ratio.
 */
numerator: MeasureKey | null, denominator: MeasureKey | null, variants: Array<AbVariantInput>, learning: string, };

export type Learning = { test_id: number, name: string, learning: string, winner: string, networks: Array<string>, };

export type EvidenceKind = "none" | "finding" | "test" | "kpi" | "underperformer";

export type Evidence = { kind: EvidenceKind, ref_id: number | null, label: string, };

export type AdaptationInput = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, observation: string, decision: string, evidence: Evidence, expected_effect: string, review_on: string | null, reviewed: boolean, };

export type AdaptationAction = { "type": "set_frequency", network: string, posts_per_week: number | null, } | { "type": "set_mix", network: string | null, weights: MixWeights, } | { "type": "move_post", post_id: number, scheduled_at: string, } | { "type": "duplicate_post", post_id: number, scheduled_at: string, } | { "type": "replace_variant", test_id: number, };

export type Change = { what: Text, before: string, after: string, post_id: number | null, };

export type Adaptation = { id: number, action: AdaptationAction | null, changes: Array<Change>, 
/**
 * Its review has come and is not done ([`is_due`], against the strategy's today).
 */
due: boolean, 
/**
 * `YYYY-MM-DD`.
 */
date: string, observation: string, decision: string, evidence: Evidence, expected_effect: string, review_on: string | null, reviewed: boolean, };

export type DueReview = { strategy_id: number, strategy_name: string, adaptation_id: number, decision: string, review_on: string, };

export type Severity = "blocking" | "warning" | "info";

export type FindingKind = "targets_without_presence" | "weak_presence" | "candidate_network" | "drop_candidate" | "best_format" | "missing_measurement" | "stale_account" | "posts_less_than_competitors" | "engages_less_than_competitors" | "format_gap" | "white_space_theme" | "crowded_theme" | "no_objective" | "not_specific" | "not_measurable" | "no_figures" | "too_ambitious" | "target_wrong_way" | "target_unchanged" | "target_timid" | "starts_from_zero" | "not_linked_to_business" | "not_time_bound" | "vanity_metric" | "metric_unavailable" | "objective_off_kept_networks" | "network_without_mission" | "mission_without_objective" | "undecided_network" | "pillar_without_topics" | "mission_mix_mismatch" | "frequency_too_low" | "frequency_too_high" | "empty_weeks" | "topic_repeated" | "topic_unused" | "topic_dominant" | "mission_misfit" | "mix_off_target" | "post_collision" | "post_without_objective" | "editorial_not_relayed" | "post_too_long" | "stored_date_invalid";

export type Text = { en: string, fr: string, };

export type FindingLink = { step: StepId, 
/**
 * The part of the step: `audiences`, `presence` or `measurement` (audit); `comparison` or `coverage`
 * (benchmark); `goals`, `objectives`, `missions`, `mix` or `measurement` (objectives).
 */
section: string, network: string | null, 
/**
 * The item concerned, when one: a social objective's id (objectives).
 */
item: number | null, 
/**
 * The pillar concerned, when one (a pillar with no topics).
 */
pillar: Pillar | null, };

export type Finding = { kind: FindingKind, severity: Severity, network: string | null, title: Text, 
/**
 * The evidence, in a sentence or two.
 */
explanation: Text, suggestion: Text, link: FindingLink, };
