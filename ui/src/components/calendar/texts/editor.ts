// The texts of the calendar's editor part (step 4), merged under `calendar.editor.`.
import type { DeepStrings } from './types';

export const en = {};

export const fr: DeepStrings<typeof en> = {};
