// The audit step's shared state: its context, its save tracker (see ../../autosave) and its field errors.
import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { SaveTracker } from '../../autosave';
import type { Audit, AuditView, FieldError, Language } from '../../bindings';
import { fieldErrorText, limitsOf } from '../../errors';
import { qk } from '../../queries';

export type Section = 'audiences' | 'presence' | 'measurement' | 'summary';
export const SECTIONS: readonly Section[] = ['audiences', 'presence', 'measurement', 'summary'];

// ---------------------------------------------------------------------------------------------------------------
// Field errors: the limits they quote come with them from Rust.

/** Fields whose errors have their own wording (`fieldErrors.<context>_<code>`). */
const FIELD_CONTEXTS: Record<string, string> = { max_length: 'max_length' };

/** The save tracker of a strategy's audit: the backend's answers go to its query. */
export function auditTracker(client: QueryClient, strategyId: number): SaveTracker<AuditView> {
  return new SaveTracker<AuditView>(client, qk.audit(strategyId), (e) => fieldErrorText(e.code, fieldOptions(e)));
}

export function fieldOptions(e: FieldError, context?: string) {
  return { ...limitsOf(e), context: context ?? FIELD_CONTEXTS[e.field] };
}

/** The translated inline error of `field`, if the last answer had one. */
export function errorOf(errors: readonly FieldError[], field: string, context?: string): string | undefined {
  const e = errors.find((f) => f.field === field);
  return e ? fieldErrorText(e.code, fieldOptions(e, context)) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The context the sub-steps share.

export interface AuditCtx {
  strategyId: number;
  view: AuditView;
  audit: Audit;
  tracker: SaveTracker<AuditView>;
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
