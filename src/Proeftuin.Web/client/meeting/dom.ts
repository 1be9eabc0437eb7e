// Small DOM and formatting helpers of the meeting room, and the context every panel of the room shares.

import type { MeetingHubApi, HubMethod, HubMethods } from './hub-api';
import { format, type Texts } from './texts';

/** What every panel of the room needs: its root element, the UI texts, the hub, and a way to tell the user. */
export interface RoomContext {
  readonly root: HTMLElement;
  readonly texts: Texts;
  readonly hub: MeetingHubApi;
  announce(message: string): void;
  /** Invokes a hub method; a refusal is announced in Dutch (or English), never thrown; null then. */
  call<M extends HubMethod>(method: M, ...args: HubMethods[M][0]): Promise<HubMethods[M][1] | null>;
}

export function createContext(root: HTMLElement, texts: Texts, hub: MeetingHubApi): RoomContext {
  const context: RoomContext = {
    root,
    texts,
    hub,
    announce: (message) => announce(message),
    call: async (method, ...args) => {
      try {
        const result = await hub.invoke(method, ...args);
        if (!result.ok) {
          context.announce(format(texts, 'ErrorPrefix', result.error?.message ?? ''));
          return null;
        }
        return result.value;
      } catch {
        context.announce(texts.Reconnecting ?? '');
        return null;
      }
    },
  };
  return context;
}

/** Says a message to screen readers through the live region (cleared first, so a repeat is read again). */
export function announce(message: string): void {
  const announcer = document.getElementById('announcer');
  if (!announcer || !message) return;
  announcer.textContent = '';
  window.setTimeout(() => (announcer.textContent = message), 50);
}

export function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** FNV-1a over the UTF-16 code units, as hex: equal texts give equal fingerprints. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export const wait = (milliseconds: number): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, milliseconds));
