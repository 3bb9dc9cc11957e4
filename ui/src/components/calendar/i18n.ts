// The texts of the calendar step (step 4), in English and French, registered under `calendar.` at module load.
// The parts' texts live in ./texts (grid: the screen, the grid, drag and drop, undo; editor: the post and editorial
// item editors; checks: the checks panel and the list view; transfer: export and import) and are merged here.
// Glossary: social calendar / calendrier social, editorial calendar / calendrier éditorial, post / publication,
// editorial item / contenu éditorial, ideas backlog / réserve d’idées, relay post / publication relais, pillar /
// pilier, topic / thème, campaign / campagne, content mix / mix de contenus, finding / constat.
import i18n from '../../i18n';
import * as checks from './texts/checks';
import * as editor from './texts/editor';
import * as grid from './texts/grid';
import * as plan from './texts/plan';
import * as transfer from './texts/transfer';

export const en = { ...grid.en, editor: editor.en, checks: checks.en, transfer: transfer.en, plan: plan.en };
export const fr = { ...grid.fr, editor: editor.fr, checks: checks.fr, transfer: transfer.fr, plan: plan.fr };

i18n.addResourceBundle('en', 'translation', { calendar: en }, true, true);
i18n.addResourceBundle('fr', 'translation', { calendar: fr }, true, true);
