// The texts of the objectives step (step 3), in English and French, registered under `objectives.` at module load.
// The parts' texts live in ./texts (chain: goals, objectives and measurement; mix: missions, mix and topics;
// overview: the strategy overview) and are merged here.
// Glossary: objectives / objectifs, business goal / objectif business, social objective / objectif social, KPI / KPI,
// baseline / point de départ, target / cible, deadline / échéance, vanity metric / indicateur de vanité, mission /
// mission, content mix / mix de contenus, pillar / pilier, topic / thème, finding / constat.
import i18n from '../../i18n';
import type { FieldError } from '../../bindings';
import { limitsOf } from '../../errors';
import * as chain from './texts/chain';
import * as mix from './texts/mix';
import * as overview from './texts/overview';
import type { DeepStrings } from './texts/types';

export const baseEn = {
  loadFailed: 'The objectives could not be loaded.',
  retry: 'Try again',
  partsLabel: 'Parts of the objectives step',
  progress: '{{done}} of {{total}} parts filled in',
  tabs: {
    goals: 'Business goals',
    objectives: 'Social objectives',
    missions: 'Missions',
    mix: 'Content mix',
    measurement: 'Measurement plan',
    summary: 'Summary',
  },
  status: {
    saving: 'Saving…',
    saved: 'Saved',
    error: 'Not saved: {{reason}}',
  },
  common: {
    add: 'Add',
    close: 'Close',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    none: '—',
  },
  pillars: {
    promotion: 'Promotion',
    curation: 'Curation',
    interaction: 'Interaction',
  },
  pillarHelp: {
    promotion: 'Posts that sell: offers, products, conversion.',
    curation: 'Others’ useful, inspiring or funny content, shared.',
    interaction: 'Conversation with your community: it builds the brand and its e-reputation.',
  },
  networkNames: {
    blog: 'Blog',
    newsletter: 'Newsletter',
  },
  summary: {
    question: 'Is the plan measurable?',
    help: 'The checks of your objectives, missions and mix, most serious first. A blocking finding means an objective cannot be followed: settle it before moving on to the calendar.',
    empty: 'Nothing to report: every objective is measurable, linked to the business and dated.',
    seeData: 'Go there',
    suggestion: 'Suggestion: {{text}}',
    blockingLeft_one: '{{count}} blocking finding left',
    blockingLeft_other: '{{count}} blocking findings left',
    overview: 'Open the strategy overview',
    severities: {
      blocking: 'Blocking',
      warning: 'Warning',
      info: 'Information',
    },
  },
  fieldErrors: {
    required: 'This field is required.',
    title_required: 'Give it a title.',
    name_required: 'Give the topic a name.',
    kpi_name_required: 'Name your own metric.',
    too_long: 'At most {{max}} characters.',
    networks_too_many: 'At most {{max}} networks.',
    name_taken: 'This pillar already has a topic with this name.',
    invalid_date: 'Not a valid date.',
    negative: 'Must be 0 or more.',
    out_of_range: 'From {{min}} to {{max}}.',
    posts_per_week_out_of_range: 'At most {{max}} posts a week.',
    weights_sum_not_100: 'The three shares must add up to 100 %.',
    unknown: 'Choose a value from the list.',
    unknown_network: 'Choose a network from the list.',
    not_a_number: 'Enter a number.',
  },
};

export const baseFr: DeepStrings<typeof baseEn> = {
  loadFailed: 'Les objectifs n’ont pas pu être chargés.',
  retry: 'Réessayer',
  partsLabel: 'Parties de l’étape objectifs',
  progress: '{{done}} parties remplies sur {{total}}',
  tabs: {
    goals: 'Objectifs business',
    objectives: 'Objectifs sociaux',
    missions: 'Missions',
    mix: 'Mix de contenus',
    measurement: 'Plan de mesure',
    summary: 'Synthèse',
  },
  status: {
    saving: 'Enregistrement…',
    saved: 'Enregistré',
    error: 'Non enregistré : {{reason}}',
  },
  common: {
    add: 'Ajouter',
    close: 'Fermer',
    cancel: 'Annuler',
    edit: 'Modifier',
    delete: 'Supprimer',
    none: '—',
  },
  pillars: {
    promotion: 'Promotion',
    curation: 'Curation',
    interaction: 'Interaction',
  },
  pillarHelp: {
    promotion: 'Les publications qui vendent : offres, produits, conversion.',
    curation: 'Des contenus utiles, inspirants ou drôles d’autres auteurs, relayés.',
    interaction: 'La conversation avec votre communauté : elle construit la marque et son e-réputation.',
  },
  networkNames: {
    blog: 'Blog',
    newsletter: 'Newsletter',
  },
  summary: {
    question: 'Le plan est-il mesurable ?',
    help: 'Les vérifications de vos objectifs, missions et mix, les plus graves d’abord. Un constat bloquant signifie qu’un objectif ne pourra pas être suivi : réglez-le avant de passer au calendrier.',
    empty: 'Rien à signaler : chaque objectif est mesurable, relié au business et daté.',
    seeData: 'Y aller',
    suggestion: 'Suggestion : {{text}}',
    blockingLeft_one: '{{count}} constat bloquant restant',
    blockingLeft_other: '{{count}} constats bloquants restants',
    overview: 'Ouvrir la vue d’ensemble de la stratégie',
    severities: {
      blocking: 'Bloquant',
      warning: 'Attention',
      info: 'Information',
    },
  },
  fieldErrors: {
    required: 'Ce champ est obligatoire.',
    title_required: 'Donnez-lui un titre.',
    name_required: 'Donnez un nom au thème.',
    kpi_name_required: 'Nommez votre indicateur.',
    too_long: '{{max}} caractères au plus.',
    networks_too_many: '{{max}} réseaux au plus.',
    name_taken: 'Ce pilier a déjà un thème de ce nom.',
    invalid_date: 'Date non valide.',
    negative: 'Doit être 0 ou plus.',
    out_of_range: 'De {{min}} à {{max}}.',
    posts_per_week_out_of_range: '{{max}} publications par semaine au plus.',
    weights_sum_not_100: 'Les trois parts doivent faire 100 % au total.',
    unknown: 'Choisissez une valeur dans la liste.',
    unknown_network: 'Choisissez un réseau dans la liste.',
    not_a_number: 'Saisissez un nombre.',
  },
};

export const en = { ...baseEn, ...chain.en, ...mix.en, overview: overview.en };
export const fr = { ...baseFr, ...chain.fr, ...mix.fr, overview: overview.fr };

i18n.addResourceBundle('en', 'translation', { objectives: en }, true, true);
i18n.addResourceBundle('fr', 'translation', { objectives: fr }, true, true);

/** The translated inline text of a field error of step 3: specific to the field if there is such a text. */
export function objErrorText(e: FieldError): string {
  const specific = `objectives.fieldErrors.${e.field}_${e.code}`;
  if (i18n.exists(specific)) return i18n.t(specific, limitsOf(e));
  const general = `objectives.fieldErrors.${e.code}`;
  return i18n.exists(general) ? i18n.t(general, limitsOf(e)) : i18n.t('objectives.fieldErrors.unknown');
}
