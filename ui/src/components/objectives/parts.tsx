// The shared list pieces (../ItemParts) with the objectives step's test ids.
import type { SaveTracker } from '../../autosave';
import type { ObjectivesView } from '../../bindings';
import { confirmDelete as confirmDeleteWith, SaveStatusLine as SaveStatusLineWith } from '../ItemParts';

export { CreateItemModal, EditDeleteActions, EditItemModal, ItemFormModal, useItemSave } from '../ItemParts';

/** The discreet "Saved / Saving… / Not saved" line. */
export function SaveStatusLine({ tracker }: { tracker: SaveTracker<ObjectivesView> }) {
  return <SaveStatusLineWith tracker={tracker} testId="obj-save-status" />;
}

/** Asks before deleting; `onConfirm` runs the deletion. */
export function confirmDelete(o: { title: string; body: string; onConfirm: () => void }) {
  confirmDeleteWith({ ...o, confirmTestId: 'obj-confirm-delete' });
}
