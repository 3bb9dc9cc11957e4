// The texts of the planner's dialog (step 4, "Plan this period"), the planned mark and the best times hinted where a
// post's time is chosen, merged under `calendar.plan.`.
// Glossary: plan (a period) / planifier (une période), proposed post / publication proposée, recycled post /
// publication recyclée, avoided day / jour évité, best time / meilleur moment, post / publication, network / réseau
// social, pillar / pilier, topic / thème, mission / mission, content mix / mix de contenus, finding / constat.
import type { DeepStrings } from './types';

export const en = {
  title: 'Plan this period',
  intro:
    'Cinq proposes the posts this period needs so that the checks find nothing: the pace of each mission, the content mix, the topics and the objectives of step 3, at the best times of each network. Nothing is written until you add them.',
  from: 'From',
  to: 'To',
  fromHint: 'Nothing is planned before today.',
  networks: 'Networks',
  networksAll: 'Every network whose mission sets its posts per week',
  avoid: 'Days to avoid',
  avoidHint: 'Holidays, closures: nothing is planned on them.',
  avoidPlaceholder: 'None',
  clear: 'Clear',
  recycle: 'Re-run the best published posts',
  recycleHint: 'Their text is copied, and each is re-run at most once per cooldown.',
  cooldown: 'Cooldown, in days',
  preview: 'Preview',
  previewAgain: 'Preview again',
  proposed_one: '{{count}} proposed post',
  proposed_other: '{{count}} proposed posts',
  empty: 'The planner proposes no post for this period.',
  notes: 'Notes from the planner',
  tickAll: 'Tick all',
  untickAll: 'Untick all',
  postLabel: '{{time}} · {{network}} · {{title}}',
  noPillar: 'No pillar',
  add_one: 'Add {{count}} post',
  add_other: 'Add {{count}} posts',
  added_one: '{{count}} planned post added. Undo removes it.',
  added_other: '{{count}} planned posts added. Undo removes them all.',
  stale: 'The choices changed since the preview: preview again before adding.',
  errors: {
    to_before_from: 'The period ends before it starts.',
    to_period_too_long: 'A plan covers a year at most.',
    from_invalid_date: 'Pick the first day.',
    to_invalid_date: 'Pick the last day.',
    avoid_invalid_date: 'Pick days from the calendar.',
    missions_no_posts_per_week:
      'No mission sets its posts per week. In step 3, give the mission of at least one network you kept its posts per week.',
    networks_not_planned:
      'A network to plan must be kept in the audit and have its posts per week in its mission (step 3).',
  },
  mark: {
    planned: 'Planned',
    plannedHelp: 'Proposed by the planner and added as a draft.',
    recycled: 'Re-run of the post of {{day}}',
  },
  best: {
    label: 'Best times on {{network}}:',
    slot: '{{slot}} ({{rate}}%)',
    pick: 'Move the post to {{slot}}, in its week',
    pickHelp: 'A click moves the post to that day and hour of its week (the next one if that day is past).',
    notEnough_one: 'Best times on {{network}}: not enough data yet ({{count}} more post with results).',
    notEnough_other: 'Best times on {{network}}: not enough data yet ({{count}} more posts with results).',
    none: 'Best times on {{network}}: no time stands out yet.',
  },
};

export const fr: DeepStrings<typeof en> = {
  title: 'Planifier la période',
  intro:
    'Cinq propose les publications dont la période a besoin pour que les vérifications ne trouvent rien : le rythme de chaque mission, le mix de contenus, les thèmes et les objectifs de l’étape 3, aux meilleurs moments de chaque réseau. Rien n’est enregistré avant que vous ne les ajoutiez.',
  from: 'Du',
  to: 'Au',
  fromHint: 'Rien n’est planifié avant aujourd’hui.',
  networks: 'Réseaux',
  networksAll: 'Tous les réseaux dont la mission fixe un nombre de publications par semaine',
  avoid: 'Jours à éviter',
  avoidHint: 'Jours fériés, fermetures : rien n’y est planifié.',
  avoidPlaceholder: 'Aucun',
  clear: 'Effacer',
  recycle: 'Recycler les meilleures publications déjà publiées',
  recycleHint: 'Leur texte est recopié, et chacune n’est recyclée qu’une fois par délai.',
  cooldown: 'Délai avant de recycler, en jours',
  preview: 'Aperçu',
  previewAgain: 'Nouvel aperçu',
  proposed_one: '{{count}} publication proposée',
  proposed_other: '{{count}} publications proposées',
  empty: 'Le planificateur ne propose aucune publication pour cette période.',
  notes: 'Remarques du planificateur',
  tickAll: 'Tout cocher',
  untickAll: 'Tout décocher',
  postLabel: '{{time}} · {{network}} · {{title}}',
  noPillar: 'Sans pilier',
  add_one: 'Ajouter {{count}} publication',
  add_other: 'Ajouter {{count}} publications',
  added_one: '{{count}} publication planifiée ajoutée. Annuler la retire.',
  added_other: '{{count}} publications planifiées ajoutées. Annuler les retire toutes.',
  stale: 'Les choix ont changé depuis l’aperçu : relancez l’aperçu avant d’ajouter.',
  errors: {
    to_before_from: 'La période se termine avant de commencer.',
    to_period_too_long: 'Un plan couvre un an au plus.',
    from_invalid_date: 'Choisissez le premier jour.',
    to_invalid_date: 'Choisissez le dernier jour.',
    avoid_invalid_date: 'Choisissez des jours dans le calendrier.',
    missions_no_posts_per_week:
      'Aucune mission ne fixe de nombre de publications par semaine. À l’étape 3, donnez-en un à la mission d’au moins un réseau que vous avez gardé.',
    networks_not_planned:
      'Un réseau à planifier doit être gardé dans l’audit et avoir un nombre de publications par semaine dans sa mission (étape 3).',
  },
  mark: {
    planned: 'Planifiée',
    plannedHelp: 'Proposée par le planificateur et ajoutée comme brouillon.',
    recycled: 'Recyclage de la publication du {{day}}',
  },
  best: {
    label: 'Meilleurs moments {{networkOn}} :',
    slot: '{{slot}} ({{rate}} %)',
    pick: 'Placer la publication {{slot}}, dans sa semaine',
    pickHelp: 'Un clic place la publication à ce jour et à cette heure de sa semaine (la suivante si ce jour est passé).',
    notEnough_one: 'Meilleurs moments {{networkOn}} : pas encore assez de données (encore {{count}} publication avec résultats).',
    notEnough_other: 'Meilleurs moments {{networkOn}} : pas encore assez de données (encore {{count}} publications avec résultats).',
    none: 'Meilleurs moments {{networkOn}} : aucun moment ne se détache encore.',
  },
};
