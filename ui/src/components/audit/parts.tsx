// Small pieces the audit's parts share.
import type { Network } from '../../bindings';
import i18n from '../../i18n';

/** The name of a network in the UI language (built-in owned media have translated names). */
export function networkName(networks: readonly Network[], key: string): string {
  const n = networks.find((x) => x.key === key);
  if (n && !n.custom) {
    const k = `audit.networkNames.${key}`;
    if (i18n.exists(k)) return i18n.t(k);
  }
  return n?.name ?? key;
}

/** Brings an element into view (when the browser can) once it is rendered. */
export function scrollIntoView(id: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    el?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  });
}
