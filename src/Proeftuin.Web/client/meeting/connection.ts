// The room's one hub connection: connecting, going offline at once when the browser loses the network, and coming
// back (with a resync of every document) as soon as it can. What to do on (re)join and on loss is passed in.

import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { wait } from './dom';
import type { Texts } from './texts';

export type ConnectionStatus = 'Connecting' | 'Connected' | 'Reconnecting' | 'Disconnected' | 'NoAccess';

export interface ConnectionEvents {
  /** Connected (again): join the meeting; `rejoin` after a lost connection. */
  joined(rejoin: boolean): Promise<void>;
  /** The connection is gone: keep typing locally. */
  lost(): void;
}

export function createConnection(): HubConnection {
  return new HubConnectionBuilder()
    .withUrl('/hubs/meeting')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(1000 * (context.previousRetryCount + 1), 5000) })
    .withKeepAliveInterval(5000)
    .withServerTimeout(20000)
    .configureLogging(LogLevel.Warning)
    .build();
}

/** Shows the connection state to people (#connection-status) and to tests (data-connection on the room). */
export function showStatus(root: HTMLElement, texts: Texts, status: ConnectionStatus): void {
  const element = document.getElementById('connection-status');
  if (element) element.textContent = texts[status] ?? status;
  root.dataset.connection = status;
}

export class RoomConnection {
  private reconnecting = false;
  private ended = false;

  constructor(
    private readonly connection: HubConnection,
    private readonly status: (status: ConnectionStatus) => void,
    private readonly events: ConnectionEvents,
  ) {}

  get isConnected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  async start(): Promise<void> {
    this.wire();
    this.status('Connecting');
    for (;;) {
      try {
        await this.connection.start();
        break;
      } catch {
        this.status('Disconnected');
        await wait(2000);
      }
    }
    await this.events.joined(false);
  }

  /** The room refused this person (no longer a member of the wijk): close for good, no reconnecting. */
  async end(): Promise<void> {
    this.ended = true;
    await this.connection.stop();
  }

  private wire(): void {
    // A browser that loses the network may keep a dead WebSocket for minutes: go offline at once and say so,
    // keep typing locally, and reconnect (and resync) as soon as the network is back.
    window.addEventListener('offline', () => {
      this.lost();
      void this.connection.stop();
    });
    window.addEventListener('online', () => void this.reconnectAfterClose());
    this.connection.onreconnecting(() => this.lost());
    this.connection.onreconnected(() => void this.events.joined(true));
    this.connection.onclose(() => {
      if (this.ended) return;
      this.lost();
      window.setTimeout(() => void this.reconnectAfterClose(), 2000);
    });
  }

  private lost(): void {
    this.events.lost();
    this.status('Reconnecting');
  }

  private async reconnectAfterClose(): Promise<void> {
    if (this.reconnecting || this.ended) return;
    this.reconnecting = true;
    try {
      while (this.connection.state === HubConnectionState.Disconnected) {
        if (!navigator.onLine) {
          await wait(1000);
          continue;
        }
        try {
          await this.connection.start();
          await this.events.joined(true);
          return;
        } catch {
          await wait(2000);
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }
}
