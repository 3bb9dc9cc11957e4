// The due reviews of every strategy, for the home screen. Kept apart from logIpc.ts so that the home screen (in the
// main bundle) loads none of step 5.
import { useQuery } from '@tanstack/react-query';
import type { DueReview } from '../../bindings';
import { call } from '../../ipc';

export const reviewsDueKey = ['reviews-due'] as const;

export const reviewsDue = () => call<DueReview[]>('reviews_due', {});

/** Fetched again each time the home screen shows: days pass, and reviews come due. */
export const useReviewsDue = () => useQuery({ queryKey: reviewsDueKey, queryFn: reviewsDue, staleTime: 0 });
