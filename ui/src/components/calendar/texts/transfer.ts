// The texts of the calendar's transfer part (step 4), merged under `calendar.transfer.`.
import type { DeepStrings } from './types';

export const en = {};

export const fr: DeepStrings<typeof en> = {};
