// How wide a text is at 14 px (Mantine's `sm`, the size of labels, inputs and placeholders) in DejaVu Sans, the
// interface font of a Linux desktop (`sans-serif` there: see Providers.tsx) and the widest of the platforms' fonts
// Cinq names. jsdom lays nothing out, so layout tests measure texts with this table against the room the layout
// gives them. The advances were measured with ImageMagick (`convert -font DejaVu-Sans -pointsize 14 -density 72`,
// twenty of each character); kerning is left out, which errs on the wide side.

const ADVANCES: readonly (readonly [number, string])[] = [
  [4.0, ' '],
  [4.05, "',.IJijl·Îîï’"],
  [4.7, '\\'],
  [5.05, '()-/:;[]ft|'],
  [6.05, '!"r'],
  [7.05, '*?_`sz–'],
  [8.05, 'FLPckvxyçÿ'],
  [9.05, '$0123456789EKSTYabdeghnopqu{}«»ÈÉÊàâäèéêëôöùûü'],
  [10.05, 'ABCNRUVXZÀÂÇÙÛ'],
  [11.05, '&DGHOQwÔ'],
  [12.05, '#+<=>M^~×'],
  [13.2, '%'],
  [14.05, '@Wmæœ—…'],
  [15.05, 'Œ'],
];

const WIDTH = new Map<string, number>(ADVANCES.flatMap(([w, chars]) => [...chars].map((c) => [c, w] as const)));
/** A character not in the table counts as the widest. */
const WIDEST = 15.05;

/** The width of `text` in pixels at 14 px in DejaVu Sans (a no-break space as a space). */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text) w += WIDTH.get(c === '\u00a0' || c === '\u202f' ? ' ' : c) ?? WIDEST;
  return w;
}
