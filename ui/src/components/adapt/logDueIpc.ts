// The due reviews of every strategy, for the home screen. Kept apart from logIpc.ts so that the home screen (in the
// main bundle) loads none of step 5.
import { invoke } from '@tauri-apps/api/core';
import { useQuery } from '@tanstack/react-query';
import type { DueReview } from '../../bindings';
import { toApiError } from '../../ipc';

export const reviewsDueKey = ['reviews-due'] as const;

export async function reviewsDue(): Promise<DueReview[]> {
  try {
    return await invoke<DueReview[]>('reviews_due', {});
  } catch (e) {
    throw toApiError(e);
  }
}

/** Fetched again each time the home screen shows: days pass, and reviews come due. */
export const useReviewsDue = () => useQuery({ queryKey: reviewsDueKey, queryFn: reviewsDue, staleTime: 0 });
