// The texts of the calendar's checks part (step 4), merged under `calendar.checks.`.
import type { DeepStrings } from './types';

export const en = {};

export const fr: DeepStrings<typeof en> = {};
