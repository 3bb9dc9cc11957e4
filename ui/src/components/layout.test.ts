// Texts against the room the layout gives them, at the smallest windows Cinq is used in (1024 × 700 and up), in both
// languages: jsdom lays nothing out, so the widths come from textWidth (DejaVu Sans, the widest interface font) and the
// room from the layout's own sizes, named below.
import { describe, expect, it } from 'vitest';
import enApp from '../i18n/en';
import frApp from '../i18n/fr';
import { textWidth } from '../test/textWidth';
import { en as benchEn, fr as benchFr } from './benchmark/i18n';
import { TOPIC_FIELD_MIN_REM } from './objectives/Mix';
import { en as mixEn, fr as mixFr } from './objectives/texts/mix';

const REM = 16;
/** An input's inner padding and border, each side (Mantine's `sm` input: height 36 / 3, and 1 px). */
const INPUT_CHROME = 2 * (12 + 1);
/** A scroll bar, where the platform draws one beside the content. */
const SCROLLBAR = 17;

describe('layout: texts fit their room', () => {
  it('the observation form’s three-up labels stay on one line, so their fields stay in line', () => {
    // The form is an `xl` modal (48.75rem), padded 1rem, its rows three columns 1rem apart; a long form scrolls.
    const column = (48.75 * REM - 2 * REM - SCROLLBAR - 2 * REM) / 3;
    for (const o of [benchEn.observations, benchFr.observations]) {
      for (const label of [o.player, o.network, o.observedOn, o.followers, o.postsPerWeek, o.engagement]) {
        expect(textWidth(label), label).toBeLessThanOrEqual(column);
      }
    }
  });

  it('a new topic’s placeholder reads whole in its field, however narrow the column', () => {
    const field = TOPIC_FIELD_MIN_REM * REM - INPUT_CHROME;
    for (const hint of [mixEn.topics.newHint, mixFr.topics.newHint]) {
      expect(textWidth(hint), hint).toBeLessThanOrEqual(field);
    }
    // The columns are three from `lg` (75rem) up: there, each still holds a field of that width. The page is the
    // window less the step rail (290 px) and the main area's padding (2rem each side); a column's card is padded 1rem.
    const page = 75 * REM - 290 - 2 * 2 * REM - SCROLLBAR;
    const column = (page - 2 * REM) / 3 - 2 * REM - 2;
    expect(column).toBeGreaterThanOrEqual(TOPIC_FIELD_MIN_REM * REM);
  });

  it('the audit’s measurement source placeholder reads whole at 1024 px', () => {
    // The page at 1024 px, a card padded 1.5rem, and the source column: what the metric (38 %) and "does not apply"
    // columns leave, less the cells' padding (10 px each side).
    const page = 1024 - 290 - 2 * 2 * REM - SCROLLBAR;
    const table = page - 2 * 1.5 * REM - 2;
    for (const m of [enApp.audit.measurement, frApp.audit.measurement]) {
      const notApplicable = 20 + 12 + textWidth(m.notApplicable) + 20;
      const field = table - 0.38 * table - notApplicable - 20 - INPUT_CHROME;
      expect(textWidth(m.sourceHint), m.sourceHint).toBeLessThanOrEqual(field);
    }
  });

  it('the persona form’s age fields have their own examples', () => {
    for (const a of [enApp.audit.audiences, frApp.audit.audiences]) {
      expect(a.ageMinHint).not.toBe(a.ageMaxHint);
      const [min, max] = [a.ageMinHint, a.ageMaxHint].map((h) => Number(/\d+/.exec(h)?.[0]));
      expect(min).toBeLessThan(max);
    }
  });
});
