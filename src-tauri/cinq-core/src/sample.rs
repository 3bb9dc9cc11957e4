//! The sample strategy: a realistic brand that a first-timer can open and explore. Each step's issue adds its data
//! here, so that every view shows real content on the sample.

use chrono::{Datelike, NaiveDate, Utc};

use crate::error::Result;
use crate::model::{Language, StepId, StepState, Strategy, StrategyInput};
use crate::store::Store;
use crate::strategy::{insert, now, NewStrategy};

pub const SAMPLE_NAME: &str = "Atelier Lumière (sample)";

/// The start date of the sample: the first day of the current month, so its plan is always current.
fn start_date(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today)
}

impl Store {
    /// Adds the sample strategy (under a free name if one is already there) and returns it.
    pub fn create_sample(&mut self) -> Result<Strategy> {
        let start = start_date(Utc::now().date_naive());
        let id = self.write(|tx| {
            let name = crate::strategy::free_name_for_sample(tx, SAMPLE_NAME)?;
            let t = now();
            insert(
                tx,
                &NewStrategy {
                    input: &StrategyInput {
                        name,
                        organisation: "Atelier Lumière".to_owned(),
                        sector: "Bougies artisanales et parfums d'intérieur, vente en ligne et deux boutiques à Lyon"
                            .to_owned(),
                        language: Language::Fr,
                        timezone: "Europe/Paris".to_owned(),
                        start_date: start.format("%Y-%m-%d").to_string(),
                    },
                    current_step: StepId::Audit,
                    steps: &[StepState {
                        step: StepId::Audit,
                        completed: false,
                    }],
                    created_at: &t,
                    updated_at: &t,
                },
            )
        })?;
        self.strategy(id)
    }
}
