// Logging out removes the edits this browser kept for a reload (client/meeting/pending-store.ts): on a shared PC the
// next person finds no case text in the browser's storage.
import { PENDING_DATABASE } from './meeting/pending-store';

export function clearPendingEditsOnLogout(): void {
  const logout = document.querySelector<HTMLFormElement>('form.proeftuin-user');
  logout?.addEventListener('submit', () => {
    if (typeof indexedDB !== 'undefined') indexedDB.deleteDatabase(PENDING_DATABASE);
  });
}
