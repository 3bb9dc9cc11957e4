// The shared list pieces (../ItemParts) with the benchmark's test ids.
import type { SaveTracker } from '../../autosave';
import type { BenchmarkView } from '../../bindings';
import { confirmDelete as confirmDeleteWith, SaveStatusLine as SaveStatusLineWith } from '../ItemParts';

export { CreateItemModal, EditDeleteActions, EditItemModal, ItemFormModal, useItemSave } from '../ItemParts';

/** The discreet "Saved / Saving… / Not saved" line. */
export function SaveStatusLine({ tracker }: { tracker: SaveTracker<BenchmarkView> }) {
  return <SaveStatusLineWith tracker={tracker} testId="bench-save-status" />;
}

/** Asks before deleting; `onConfirm` runs the deletion. */
export function confirmDelete(o: { title: string; body: string; onConfirm: () => void }) {
  confirmDeleteWith({ ...o, confirmTestId: 'bench-confirm-delete' });
}
