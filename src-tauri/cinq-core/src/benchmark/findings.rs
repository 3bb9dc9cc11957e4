//! Step 2's findings: what the benchmark shows against the brand's own presence (engagement, formats, coverage), each
//! with its evidence, a suggestion and a link to the data behind it, in English and French.

use crate::audit::findings::format_name;
use crate::audit::Audit;
use crate::findings::{join, median, text, Finding, FindingKind, FindingLink, Severity};
use crate::model::StepId;
use crate::network::{ContentFormat, NetName};
use crate::words::{cap, figure_count, figures};

fn bench_link(section: &str, network: Option<&str>) -> FindingLink {
    FindingLink {
        step: StepId::Benchmark,
        section: section.to_owned(),
        network: network.map(str::to_owned),
        item: None,
        pillar: None,
    }
}

/// The benchmark's findings, most severe first, then in network order.
pub fn benchmark_findings(
    b: &crate::benchmark::Benchmark,
    audit: &Audit,
    coverage: &crate::benchmark::Coverage,
) -> Vec<Finding> {
    use crate::benchmark::{brand_engagement, latest, PlayerType};
    let latest = latest(b);
    let kind_of = |player_id: i64| {
        b.players
            .iter()
            .find(|p| p.id == player_id)
            .map(|p| p.player_type)
    };
    let mut out = Vec::new();
    for n in &audit.networks {
        let Some(p) = audit
            .presences
            .iter()
            .find(|p| p.network == n.key && p.active)
        else {
            continue;
        };
        let NetName { en: name, fr } = NetName::of(&audit.networks, &n.key);
        let on = &fr.on;
        let on_network: Vec<_> = latest.iter().filter(|o| o.data.network == n.key).collect();
        let competitors: Vec<_> = on_network
            .iter()
            .filter(|o| kind_of(o.data.player_id).is_some_and(PlayerType::is_competitor))
            .collect();
        let posts = median(
            competitors
                .iter()
                .filter_map(|o| o.data.posts_per_week)
                .collect(),
        );
        if let (Some(mine), Some(med)) = (p.posts_per_week, posts) {
            if mine < med {
                let (mine, mine_fr) =
                    figure_count(mine, ("post", "publication"), ("posts", "publications"));
                let (med, med_fr) = figures(med);
                out.push(Finding {
                    kind: FindingKind::PostsLessThanCompetitors,
                    severity: Severity::Warning,
                    network: Some(n.key.clone()),
                    title: text(
                        format!("On {name}, you post less than your competitors"),
                        format!("{}, vous publiez moins que vos concurrents", cap(on)),
                    ),
                    explanation: text(
                        format!("{mine} a week, against {med} for the median competitor."),
                        format!("{mine_fr} par semaine, contre {med_fr} pour le concurrent médian."),
                    ),
                    suggestion: text(
                        format!("Set a target frequency for {name} in step 3, or choose to be rarer but better."),
                        format!("Fixez une fréquence cible {on} à l’étape 3, ou choisissez de publier moins souvent, mais mieux."),
                    ),
                    link: bench_link("comparison", Some(&n.key)),
                });
            }
        }
        let engagement = median(
            competitors
                .iter()
                .filter_map(|o| o.data.engagement_per_post)
                .collect(),
        );
        if let (Some(mine), Some(med)) = (brand_engagement(p), engagement) {
            if mine < med {
                let (mine, mine_fr) = figure_count(
                    mine,
                    ("interaction", "interaction"),
                    ("interactions", "interactions"),
                );
                let (med, med_fr) = figures(med);
                out.push(Finding {
                    kind: FindingKind::EngagesLessThanCompetitors,
                    severity: Severity::Warning,
                    network: Some(n.key.clone()),
                    title: text(
                        format!("On {name}, your posts engage less than your competitors'"),
                        format!("{}, vos publications suscitent moins d’engagement que celles de vos concurrents", cap(on)),
                    ),
                    explanation: text(
                        format!("{mine} per post, against {med} for the median competitor."),
                        format!("{mine_fr} par publication, contre {med_fr} pour le concurrent médian."),
                    ),
                    suggestion: text(
                        "Look at what works for them in the observations, and test it in step 5.".to_owned(),
                        "Regardez ce qui fonctionne pour eux dans les observations, et testez-le à l’étape 5.".to_owned(),
                    ),
                    link: bench_link("comparison", Some(&n.key)),
                });
            }
        }
        let mut gap: Vec<ContentFormat> = on_network
            .iter()
            .filter(|o| kind_of(o.data.player_id).is_some_and(|t| !t.is_competitor()))
            .flat_map(|o| o.data.formats.iter().copied())
            .filter(|f| !p.formats.iter().any(|r| r.format == *f))
            .collect();
        gap.sort();
        gap.dedup();
        if !gap.is_empty() {
            let en: Vec<String> = gap.iter().map(|f| format_name(*f).0.to_owned()).collect();
            let formats: Vec<String> = gap.iter().map(|f| format_name(*f).1.to_owned()).collect();
            let (en, formats) = (join(&en, "and"), join(&formats, "et"));
            out.push(Finding {
                kind: FindingKind::FormatGap,
                severity: Severity::Info,
                network: Some(n.key.clone()),
                title: text(
                    format!("Leaders use {en} on {name}; you do not"),
                    format!("Les leaders utilisent {formats} {on} ; pas vous"),
                ),
                explanation: text(
                    format!("Seen in the latest observations of the leaders and inspiring brands on {name}."),
                    format!("Vu dans les dernières observations des leaders et des marques inspirantes {on}."),
                ),
                suggestion: text(
                    format!("Try {en} on {name} and rate the result in the audit."),
                    format!("Essayez {formats} {on} et notez le résultat dans l’audit."),
                ),
                link: bench_link("comparison", Some(&n.key)),
            });
        }
    }
    if !latest.is_empty() {
        for t in &coverage.white_space {
            out.push(Finding {
                kind: FindingKind::WhiteSpaceTheme,
                severity: Severity::Info,
                network: None,
                title: text(
                    format!("No one covers \"{t}\""),
                    format!("Personne ne traite « {t} »"),
                ),
                explanation: text(
                    format!("None of the players observed talks about \"{t}\"."),
                    format!("Aucun des acteurs observés ne parle de « {t} »."),
                ),
                suggestion: text(
                    format!("Make \"{t}\" a topic of your own to stand apart."),
                    format!("Faites de « {t} » un thème à vous pour vous démarquer."),
                ),
                link: bench_link("coverage", None),
            });
        }
        for t in &coverage.crowded {
            out.push(Finding {
                kind: FindingKind::CrowdedTheme,
                severity: Severity::Info,
                network: None,
                title: text(
                    format!("Everyone covers \"{t}\""),
                    format!("Tout le monde traite « {t} »"),
                ),
                explanation: text(
                    format!("Every player observed talks about \"{t}\"."),
                    format!("Tous les acteurs observés parlent de « {t} »."),
                ),
                suggestion: text(
                    format!("If you cover \"{t}\" too, find an angle of your own."),
                    format!(
                        "Si vous traitez aussi « {t} », trouvez un angle qui vous soit propre."
                    ),
                ),
                link: bench_link("coverage", None),
            });
        }
    }
    out.sort_by_key(|f| f.severity);
    out
}
