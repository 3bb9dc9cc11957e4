// The texts of the home screen's due reviews, in English and French, registered under `adaptLog.home.` at module
// load. Kept apart from logTexts.ts (the adaptations log of step 5) so that the home screen loads only these.
// Glossary: adaptation / ajustement, strategy / stratégie, step / étape.
import i18n from '../../i18n';
import type { DeepStrings } from '../objectives/texts/types';

export const homeEn = {
  title: 'Reviews due',
  help: 'These adjustments have reached their review date. Open the strategy to see whether they had the expected effect, then mark them reviewed.',
  reviewOn: 'Review date: {{date}}',
  open: 'Open',
  openLabel: 'Open “{{strategy}}” at step 5, test & adapt',
  noDecision: '(no decision written)',
};

export const homeFr: DeepStrings<typeof homeEn> = {
  title: 'Bilans à faire',
  help: 'Ces ajustements ont atteint leur date de bilan. Ouvrez la stratégie pour voir s’ils ont eu l’effet attendu, puis marquez-les comme faits.',
  reviewOn: 'Date du bilan : {{date}}',
  open: 'Ouvrir',
  openLabel: 'Ouvrir « {{strategy}} » à l’étape 5 (tester, évaluer, adapter)',
  noDecision: '(aucune décision écrite)',
};

i18n.addResourceBundle('en', 'translation', { adaptLog: { home: homeEn } }, true, true);
i18n.addResourceBundle('fr', 'translation', { adaptLog: { home: homeFr } }, true, true);
