// What the steps share to save as the user types: the save tracker behind the "Saved / Saving… / Not saved"
// status, and the drafts that keep what the user typed until the backend has accepted it.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ApiError, FieldError } from './bindings';
import { notifyError } from './errors';
import i18n from './i18n';

/** The wait after the last keystroke before a text or number field is saved. */
export const SAVE_DELAY_MS = 400;

// ---------------------------------------------------------------------------------------------------------------
// Save tracker: every change goes through `run`, which counts what is in flight, remembers the last failure of each
// thing saved, and puts the backend's answer (the whole view) in the query cache under `queryKey`, newest request
// last.

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; reason: string };

export class SaveTracker<V> {
  private pending = 0;
  private saved = false;
  private failures = new Map<string, string>();
  private issued = 0;
  private applied = 0;
  private listeners = new Set<() => void>();
  private status: SaveStatus = { kind: 'idle' };

  /** `fieldText` translates the first field error of a rejected save, for the status line. */
  constructor(
    private readonly client: QueryClient,
    private readonly queryKey: QueryKey,
    private readonly fieldText: (e: FieldError) => string,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getStatus = () => this.status;

  private update() {
    let next: SaveStatus;
    if (this.pending > 0) next = { kind: 'saving' };
    else if (this.failures.size > 0) next = { kind: 'error', reason: [...this.failures.values()].at(-1) ?? '' };
    else next = this.saved ? { kind: 'saved' } : { kind: 'idle' };
    const same =
      next.kind === this.status.kind &&
      (next.kind !== 'error' || (this.status.kind === 'error' && this.status.reason === next.reason));
    if (same) return;
    this.status = next;
    this.listeners.forEach((l) => l());
  }

  /** Sends a change; `key` names what is saved (one presence, one player form…) so a later success clears its
   *  failure. */
  async run(key: string, send: () => Promise<V>): Promise<V> {
    const seq = ++this.issued;
    this.pending += 1;
    this.update();
    try {
      const view = await send();
      // Each answer holds the whole view: apply them in the order the requests were made.
      if (seq > this.applied) {
        this.applied = seq;
        this.client.setQueryData(this.queryKey, view);
      }
      this.failures.delete(key);
      this.saved = true;
      return view;
    } catch (e) {
      const err = e as ApiError;
      // Re-inserted so that the newest failure is the last one, the one the status shows.
      this.failures.delete(key);
      this.failures.set(key, this.failureReason(err));
      // Validation errors show under their fields; anything else deserves a notification.
      if (err.code !== 'validation') notifyError(err);
      throw err;
    } finally {
      this.pending -= 1;
      this.update();
    }
  }

  /** Forgets the failure of something that no longer exists or was given up (a network removed, a form closed…). */
  forget(key: string) {
    if (this.failures.delete(key)) this.update();
  }

  private failureReason(e: ApiError): string {
    if (e.code === 'validation') {
      const first = e.fields[0];
      return first ? this.fieldText(first) : i18n.t('errors.validation');
    }
    const key = `errors.${e.code}`;
    return i18n.exists(key) ? i18n.t(key, { message: e.message }) : i18n.t('errors.internal');
  }
}

export function useSaveStatus<V>(tracker: SaveTracker<V>): SaveStatus {
  return useSyncExternalStore(tracker.subscribe, tracker.getStatus, tracker.getStatus);
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts: what the user typed, kept outside the components so that it survives switching sub-steps or steps
// until the backend has accepted it.

interface DraftEntry {
  draft: unknown;
  errors: FieldError[];
}

const draftStore = new Map<string, DraftEntry>();

/** Only for tests: forget every draft. */
export function clearDrafts() {
  draftStore.clear();
}

export interface AutosaveOptions<D, V> {
  /** A stable name of the thing edited, unique in the app (strategy id included). */
  key: string;
  /** The value to start from when there is no draft: what the backend holds. */
  initial: () => D;
  /** Sends the draft; `null` when it cannot be sent as it is (e.g. a number still being typed). */
  send: (draft: D) => Promise<V> | null;
  tracker: SaveTracker<V>;
}

export interface Autosave<D> {
  draft: D;
  errors: FieldError[];
  /** Changes the draft and saves it: after a pause in typing, or at once. */
  change: (next: D, mode: 'debounce' | 'now') => void;
  /** Saves at once what waits for the end of typing (on blur); settles when the last save has. */
  flush: () => Promise<void>;
  /** Whether a change is waiting or on its way, so that what the backend derives from it may be behind the draft. */
  pending: () => boolean;
}

/** A draft saved automatically. The backend's answers never overwrite it: the user's input stays as typed. */
export function useAutosave<D, V>({ key, initial, send, tracker }: AutosaveOptions<D, V>): Autosave<D> {
  const [draft, setDraft] = useState<D>(() => (draftStore.get(key)?.draft as D | undefined) ?? initial());
  const [errors, setErrors] = useState<FieldError[]>(() => draftStore.get(key)?.errors ?? []);
  const sendRef = useRef(send);
  const waiting = useRef<{ value: D } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const busy = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    sendRef.current = send;
  });

  const fire = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const w = waiting.current;
    waiting.current = null;
    if (!w) return inFlight.current;
    const request = sendRef.current(w.value);
    if (!request) return inFlight.current;
    const mine = ++seq.current;
    busy.current += 1;
    const done = (fieldErrors: FieldError[]) => {
      busy.current -= 1;
      if (mine !== seq.current) return; // a newer save of the same thing is on its way
      const stored = draftStore.get(key);
      if (fieldErrors.length === 0 && (!stored || stored.draft === w.value)) draftStore.delete(key);
      else draftStore.set(key, { draft: stored?.draft ?? w.value, errors: fieldErrors });
      if (mounted.current) setErrors(fieldErrors);
    };
    inFlight.current = tracker.run(key, () => request).then(
      () => done([]),
      (e: ApiError) => done(e.code === 'validation' ? e.fields : []),
    );
    return inFlight.current;
  }, [key, tracker]);

  const change = useCallback(
    (next: D, mode: 'debounce' | 'now') => {
      setDraft(next);
      draftStore.set(key, { draft: next, errors: draftStore.get(key)?.errors ?? [] });
      waiting.current = { value: next };
      if (timer.current) clearTimeout(timer.current);
      if (mode === 'now') void fire();
      else timer.current = setTimeout(() => void fire(), SAVE_DELAY_MS);
    },
    [fire, key],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      // Leaving with a save still waiting: send it now rather than lose it.
      mounted.current = false;
      void fire();
    };
  }, [fire]);

  const pending = useCallback(() => waiting.current !== null || busy.current > 0, []);

  return { draft, errors, change, flush: fire, pending };
}

/** Numbers as typed in a NumberInput: '' is "not given"; text that is not (yet) a number cannot be sent. */
export type NumberDraft = number | string;

export function parseNumber(v: NumberDraft): { ok: true; value: number | null } | { ok: false } {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  const s = v.trim().replace(',', '.');
  if (s === '') return { ok: true, value: null };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}
