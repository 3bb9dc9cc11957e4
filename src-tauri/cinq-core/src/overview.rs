//! The strategy overview: one page that sums up steps 1–3 (audiences, kept networks with their missions,
//! objectives with their KPIs, the content mix) with every open finding. The UI prints it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::findings::audit_findings;
use crate::audit::{Decision, Persona};
use crate::error::Result;
use crate::findings::Finding;
use crate::model::Strategy;
use crate::objectives::smart::{self, SmartCheck};
use crate::objectives::{
    kept_networks, BusinessGoal, ContentMix, MarketingObjective, Mission, Objective, Topic,
};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverviewNetwork {
    pub key: String,
    pub name: String,
    pub decision: Option<Decision>,
    pub mission: Option<Mission>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverviewObjective {
    pub objective: Objective,
    pub smart: SmartCheck,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StrategyOverview {
    pub strategy: Strategy,
    pub audiences: Vec<Persona>,
    /// The kept networks, in catalogue order.
    pub networks: Vec<OverviewNetwork>,
    pub goals: Vec<BusinessGoal>,
    pub marketing: Vec<MarketingObjective>,
    pub objectives: Vec<OverviewObjective>,
    pub mix: ContentMix,
    pub topics: Vec<Topic>,
    /// The open findings of steps 1 to 3, in step order, most severe first within a step.
    pub findings: Vec<Finding>,
    /// The day the overview was computed for, `YYYY-MM-DD`.
    pub today: String,
}

impl Store {
    pub fn overview(&self, id: i64, today: NaiveDate) -> Result<StrategyOverview> {
        let strategy = self.strategy(id)?;
        let audit = self.audit(id)?;
        let objectives = self.objectives(id)?;
        let benchmark = self.benchmark_view(id)?;
        let mut all = audit_findings(&audit, today);
        all.extend(benchmark.findings);
        all.extend(smart::objectives_findings(&objectives, &audit, today));
        let networks = kept_networks(&audit)
            .into_iter()
            .map(|key| OverviewNetwork {
                name: audit
                    .networks
                    .iter()
                    .find(|n| n.key == key)
                    .map_or_else(|| key.clone(), |n| n.name.clone()),
                decision: audit
                    .presences
                    .iter()
                    .find(|p| p.network == key)
                    .and_then(|p| p.decision),
                mission: objectives
                    .missions
                    .iter()
                    .find(|m| m.network == key)
                    .cloned(),
                key,
            })
            .collect();
        let checked = objectives
            .objectives
            .iter()
            .map(|o| OverviewObjective {
                smart: smart::check(o, &objectives, today),
                objective: o.clone(),
            })
            .collect();
        Ok(StrategyOverview {
            strategy,
            audiences: audit.personas,
            networks,
            goals: objectives.goals,
            marketing: objectives.marketing,
            objectives: checked,
            mix: objectives.mix,
            topics: objectives.topics,
            findings: all,
            today: today.format("%Y-%m-%d").to_string(),
        })
    }
}
