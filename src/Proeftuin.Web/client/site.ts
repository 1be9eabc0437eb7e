// Behaviour shared by every server-rendered page. Page-specific code (the meeting room) has its own entry point.
import { wireGuardButtons } from './guard-placeholders';
import { clearPendingEditsOnLogout } from './pending-cleanup';

/** Marks the document as script-enabled so CSS can reveal controls that need JavaScript. */
export function markScriptEnabled(root: HTMLElement = document.documentElement): void {
  root.classList.add('js');
}

markScriptEnabled();
wireGuardButtons();
clearPendingEditsOnLogout();
