// Leaving the room (closing the tab, reloading, following a link) while edits have not reached the server asks first.
// The edits are also kept in IndexedDB (pending-edits.ts), so saying "leave" loses nothing on this device.

export function warnBeforeLeaving(hasUnsent: () => boolean): void {
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsent()) return;
    event.preventDefault();
    // Older browsers still need returnValue set to show the dialog.
    event.returnValue = '';
  });
}
