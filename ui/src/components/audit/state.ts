// The audit step's shared state: its context, the save tracker behind the "Saved / Saving… / Not saved" status,
// and the drafts that keep what the user typed until the backend has accepted it.
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError, Audit, AuditView, FieldError, Language } from '../../bindings';
import { fieldErrorText, notifyError } from '../../errors';
import i18n from '../../i18n';
import { qk } from '../../queries';

export type Section = 'audiences' | 'presence' | 'measurement' | 'summary';
export const SECTIONS: readonly Section[] = ['audiences', 'presence', 'measurement', 'summary'];

/** The wait after the last keystroke before a text or number field is saved. */
export const SAVE_DELAY_MS = 400;

// ---------------------------------------------------------------------------------------------------------------
// Save tracker: every change to the audit goes through `run`, which counts what is in flight, remembers the last
// failure of each thing saved, and puts the backend's answer in the query cache, newest request last.

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; reason: string };

export class SaveTracker {
  private pending = 0;
  private saved = false;
  private failures = new Map<string, string>();
  private lastFailure: string | null = null;
  private issued = 0;
  private applied = 0;
  private listeners = new Set<() => void>();
  private status: SaveStatus = { kind: 'idle' };

  constructor(
    private readonly client: QueryClient,
    private readonly strategyId: number,
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
    else if (this.failures.size > 0) next = { kind: 'error', reason: this.lastFailure ?? [...this.failures.values()][0] };
    else next = this.saved ? { kind: 'saved' } : { kind: 'idle' };
    const same =
      next.kind === this.status.kind &&
      (next.kind !== 'error' || (this.status.kind === 'error' && this.status.reason === next.reason));
    if (same) return;
    this.status = next;
    this.listeners.forEach((l) => l());
  }

  /** Sends a change; `key` names what is saved (one presence, one metric…) so a later success clears its failure. */
  async run(key: string, send: () => Promise<AuditView>): Promise<AuditView> {
    const seq = ++this.issued;
    this.pending += 1;
    this.update();
    try {
      const view = await send();
      // Answers are applied in the order the requests were made: each holds the whole audit.
      if (seq > this.applied) {
        this.applied = seq;
        this.client.setQueryData(qk.audit(this.strategyId), view);
      }
      this.failures.delete(key);
      this.saved = true;
      return view;
    } catch (e) {
      const err = e as ApiError;
      const reason = failureReason(err);
      this.failures.set(key, reason);
      this.lastFailure = reason;
      // Validation errors show under their fields; anything else deserves a notification.
      if (err.code !== 'validation') notifyError(err);
      throw err;
    } finally {
      this.pending -= 1;
      this.update();
    }
  }

  /** Forgets the failure of something that no longer exists (a network removed, a form closed…). */
  forget(key: string) {
    if (this.failures.delete(key)) this.update();
  }
}

function failureReason(e: ApiError): string {
  if (e.code === 'validation') {
    const first = e.fields[0];
    return first ? fieldErrorText(first.code, fieldOptions(first.field)) : i18n.t('errors.validation');
  }
  const key = `errors.${e.code}`;
  return i18n.exists(key) ? i18n.t(key, { message: e.message }) : i18n.t('errors.internal');
}

export function useSaveStatus(tracker: SaveTracker): SaveStatus {
  return useSyncExternalStore(tracker.subscribe, tracker.getStatus, tracker.getStatus);
}

// ---------------------------------------------------------------------------------------------------------------
// Field errors: the limits quoted in the messages, per field.

const FIELD_LIMITS: Record<string, { min?: number; max?: number; context?: string }> = {
  handle: { max: 300 },
  owner: { max: 120 },
  who_interacts: { max: 2000 },
  best_times: { max: 300 },
  description: { max: 2000 },
  source: { max: 300 },
  age_min: { min: 0, max: 120 },
  age_max: { min: 0, max: 120 },
  stale_after_days: { min: 1, max: 3650 },
  max_length: { context: 'max_length' },
};

export function fieldOptions(field: string, context?: string) {
  const limits = FIELD_LIMITS[field] ?? {};
  return { ...limits, context: context ?? limits.context };
}

/** The translated inline error of `field`, if the last answer had one. */
export function errorOf(errors: readonly FieldError[], field: string, context?: string): string | undefined {
  const e = errors.find((f) => f.field === field);
  return e ? fieldErrorText(e.code, fieldOptions(field, context)) : undefined;
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

export interface AutosaveOptions<D> {
  /** A stable name of the thing edited, unique in the app (strategy id included). */
  key: string;
  /** The value to start from when there is no draft: what the backend holds. */
  initial: () => D;
  /** Sends the draft; `null` when it cannot be sent as it is (e.g. a number still being typed). */
  send: (draft: D) => Promise<AuditView> | null;
  tracker: SaveTracker;
}

export interface Autosave<D> {
  draft: D;
  errors: FieldError[];
  /** Changes the draft and saves it: after a pause in typing, or at once. */
  change: (next: D, mode: 'debounce' | 'now') => void;
  /** Saves at once what waits for the end of typing (on blur). */
  flush: () => void;
}

/** A draft saved automatically. The backend's answers never overwrite it: the user's input stays as typed. */
export function useAutosave<D>({ key, initial, send, tracker }: AutosaveOptions<D>): Autosave<D> {
  const [draft, setDraft] = useState<D>(() => (draftStore.get(key)?.draft as D | undefined) ?? initial());
  const [errors, setErrors] = useState<FieldError[]>(() => draftStore.get(key)?.errors ?? []);
  const sendRef = useRef(send);
  const waiting = useRef<{ value: D } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    sendRef.current = send;
  });

  const fire = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const w = waiting.current;
    waiting.current = null;
    if (!w) return;
    const request = sendRef.current(w.value);
    if (!request) return;
    const mine = ++seq.current;
    const done = (fieldErrors: FieldError[]) => {
      if (mine !== seq.current) return; // a newer save of the same thing is on its way
      const stored = draftStore.get(key);
      if (fieldErrors.length === 0 && (!stored || stored.draft === w.value)) draftStore.delete(key);
      else draftStore.set(key, { draft: stored?.draft ?? w.value, errors: fieldErrors });
      if (mounted.current) setErrors(fieldErrors);
    };
    void tracker.run(key, () => request).then(
      () => done([]),
      (e: ApiError) => done(e.code === 'validation' ? e.fields : []),
    );
  }, [key, tracker]);

  const change = useCallback(
    (next: D, mode: 'debounce' | 'now') => {
      setDraft(next);
      draftStore.set(key, { draft: next, errors: draftStore.get(key)?.errors ?? [] });
      waiting.current = { value: next };
      if (timer.current) clearTimeout(timer.current);
      if (mode === 'now') fire();
      else timer.current = setTimeout(fire, SAVE_DELAY_MS);
    },
    [fire, key],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      // Leaving with a save still waiting: send it now rather than lose it.
      mounted.current = false;
      fire();
    };
  }, [fire]);

  return { draft, errors, change, flush: fire };
}

// ---------------------------------------------------------------------------------------------------------------
// The context the sub-steps share.

export interface AuditCtx {
  strategyId: number;
  view: AuditView;
  audit: Audit;
  tracker: SaveTracker;
  lang: Language;
  /** Opens a sub-step, and brings a network's card into view when given. */
  goTo: (section: Section, network?: string | null) => void;
  /** The network whose card was asked for by a finding's link, to highlight. */
  focus: { section: Section; network: string } | null;
}

export const AuditContext = createContext<AuditCtx | null>(null);

export function useAuditCtx(): AuditCtx {
  const ctx = useContext(AuditContext);
  if (!ctx) throw new Error('useAuditCtx outside AuditContext');
  return ctx;
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
