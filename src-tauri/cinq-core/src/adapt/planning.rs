//! Planning a period with what step 5 learned: the planner itself is step 4's (`calendar::plan`, a pure function);
//! this module reads what it takes from the store, with each network's measured slots (its best times), the
//! engagement rate of each published post (for re-runs) and the A/B tests' variants. It lives in step 5 so that the
//! calendar never depends on the results: step 5 reads step 4, never the other way round.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Weekday};

use crate::calendar::checks::{CheckOptions, VariantGroups};
use crate::calendar::plan::{
    check_period, default_slots, iso, plan, Plan, PlanInput, PlanRequest, Slot, SlotBasis,
    NEIGHBOUR_DAYS,
};
use crate::error::Result;
use crate::store::Store;

/// A network's slots for the planner: its usual good hours ([`default_slots`](crate::calendar::plan::default_slots), scored about 1) and the slots its own
/// results rest on. A slot counts as measured once [`crate::adapt::best_times::MIN_SLOT_POSTS`] posts of its own stand behind
/// it, in a network with enough data (the rule that lists a best time in step 5); it then takes the place of a usual
/// hour at the same time, and its score is its estimated rate as a multiple of the network's own rate. So a slot
/// measured above the network's rate goes before the usual hours, and one measured below it after them.
pub fn network_slots(
    network: &str,
    best: Option<&crate::adapt::best_times::NetworkBestTimes>,
) -> Vec<Slot> {
    let mut out = default_slots(network);
    let Some((best, own)) =
        best.and_then(|b| b.rate.filter(|r| b.enough_data && *r > 0.0).map(|r| (b, r)))
    else {
        return out;
    };
    for s in &best.slots {
        if s.posts < crate::adapt::best_times::MIN_SLOT_POSTS || !s.rate.is_finite() {
            continue;
        }
        let Some(weekday) = s
            .weekday
            .checked_sub(1)
            .and_then(|d| Weekday::try_from(d).ok())
        else {
            continue;
        };
        let hour = u32::from(s.hour);
        out.retain(|u| !(u.weekday == weekday && u.hour == hour));
        out.push(Slot {
            weekday,
            hour,
            minute: 0,
            score: s.rate / own,
            basis: SlotBasis::Measured {
                posts: s.posts,
                rate: s.rate * 100.0,
            },
        });
    }
    out
}

impl Store {
    /// Plans `req`'s period of a strategy (see [`plan`](crate::calendar::plan::plan)), reading the whole calendar, step 3, the audit and (when
    /// recycling) the posts' results. Writes nothing.
    pub fn plan_period(&self, id: i64, req: &PlanRequest, today: NaiveDate) -> Result<Plan> {
        let opts = req.options(today, CheckOptions::default())?;
        check_period(&opts)?;
        let cal = if opts.recycle.is_some() {
            self.calendar(id, None, None)?
        } else {
            // What the plan reads without re-runs: the period and a week on each side, and the relays of its items.
            let (from, to) = (
                iso(opts.from - Duration::days(NEIGHBOUR_DAYS)),
                iso(opts.to + Duration::days(NEIGHBOUR_DAYS)),
            );
            let mut cal = self.calendar(id, Some(&from), Some(&to))?;
            let items: Vec<i64> = cal.editorial.iter().map(|e| e.id).collect();
            let relays = crate::calendar::relays_outside(self.conn(), id, &items, &from, &to)?;
            if !relays.is_empty() {
                cal.posts.extend(relays);
                cal.posts.sort_by(|a, b| {
                    (&a.data.scheduled_at, a.id).cmp(&(&b.data.scheduled_at, b.id))
                });
            }
            cal
        };
        let objectives = self.objectives(id)?;
        let audit = self.audit(id)?;
        let mut rates = HashMap::new();
        if opts.recycle.is_some() {
            for r in crate::adapt::results::all_results(self.conn(), id)? {
                if let Some(rate) = r.latest().and_then(|m| m.engagement_rate()) {
                    rates.insert(r.post_id, rate);
                }
            }
        }
        // Each network's usual good hours, and the slots its own results measure (step 5's best times).
        let best = self.best_times(id, None)?;
        let slots = |key: &str| network_slots(key, best.networks.iter().find(|n| n.network == key));
        plan(
            &PlanInput {
                calendar: &cal,
                objectives: &objectives,
                audit: &audit,
                slots: &slots,
                rates: &rates,
                variants: &VariantGroups::of(self.conn(), id)?,
            },
            &opts,
        )
    }
}
