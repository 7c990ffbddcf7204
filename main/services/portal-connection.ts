import { formatMessage } from '../../common/messages/index.js';
import type { Profile } from '../../common/portal-api.js';
import { Failure } from '../../common/result.js';
import { reviewerRoles, type Role } from '../../common/workflow.js';
import type { CredentialVault } from './credentials.js';
import { Emitter } from './disposable.js';
import { PortalClient, PortalError, PortalUnreachable, portalBaseUrl } from './portal-client.js';
import type { SyncStateStore } from './sync-state-store.js';

export interface PortalStatus {
  connected: boolean;
  url: string | null;
  username: string | null;
  role: string | null;
  portalName: string | null;
  /** False after a delivery found the portal unreachable, until one succeeds. */
  online: boolean;
  /** Actions waiting in the outbox, over all releases. */
  pending: number;
  /** The portal refused the token: sign in again (nothing queued is lost). */
  signInRequired: boolean;
  /** How a sign-in outlives a restart: encrypted by the system, on request in a file, or not at all. */
  keepSignIn: 'os' | 'file' | null;
  /** Whether the current sign-in is kept that way. */
  kept: boolean;
  /** Entries went missing from the portal's history since the app last saw it (German); null when none did. */
  historyWarning: string | null;
}

/** Who is signed in, as the portal said at sign-in. */
export interface PortalSession {
  username: string;
  role: string;
  portalName: string;
}

/**
 * The person's connection to the portal: the client with its token, the session, whether the
 * portal answered lately, and the sign-in kept between starts. The outbox and the mirror ask it
 * for the client and tell it what a failed request meant.
 */
export class PortalConnection {
  /** The sign-in ended (signed out, or the token was refused): pulling stops until the next one. */
  readonly ended = new Emitter<void>();
  private current: PortalClient | null = null;
  private who: PortalSession | null = null;
  private online = true;
  private signInRequired = false;
  private kept = false;
  private isClosed = false;

  constructor(
    private readonly store: SyncStateStore,
    private readonly changes: Emitter<{ id: string | null }>,
    private readonly now: () => Date,
    /** Where a sign-in is kept between starts (see `credentials.ts`); null: memory only. */
    private readonly vault: CredentialVault | null,
  ) {}

  /** The client with the token; null while signed out. */
  get client(): PortalClient | null {
    return this.current;
  }

  get session(): PortalSession | null {
    return this.who;
  }

  /** Closed with its database: answers that arrive later are dropped. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** The signed-in person, or the one signed in last (for the lists read offline). */
  username(): string | null {
    return this.who?.username ?? this.store.setting('portal.username');
  }

  /** Whether the signed-in person may override the checks (null: not known, while signed out). */
  reviewer(): boolean | null {
    return this.who ? reviewerRoles.includes(this.who.role as Role) : null;
  }

  /** Signs in, caches the profile; the sign-in is kept when the vault encrypts or the person asks. */
  async connect(address: string, username: string, password: string, keep: boolean): Promise<void> {
    const baseUrl = portalBaseUrl(address);
    const anonymous = new PortalClient(baseUrl);
    let session;
    try {
      session = await anonymous.login(username, password);
    } catch (error) {
      if (error instanceof PortalError) throw new Failure(error.status === 429 ? 'conflict' : 'unauthorized', 'portal.refused', { message: error.message });
      throw new Failure('unreachable', 'portal.unreachable', { url: baseUrl });
    }
    const client = anonymous.withToken(session.token);
    const profile: Profile = await client.profile().catch(() => {
      throw new Failure('unreachable', 'portal.unreachable', { url: baseUrl });
    });
    this.current = client;
    this.who = { username: session.user.name, role: session.user.role, portalName: profile.portal.name };
    this.online = true;
    this.signInRequired = false;
    this.kept = false;
    if (this.vault && (this.vault.kind === 'os' || keep)) {
      this.vault.write({ url: baseUrl, ...this.who, token: session.token, expiresAt: session.expiresAt });
      this.kept = true;
    } else this.vault?.clear();
    this.store.transaction(() => {
      this.store.saveSetting('portal.url', baseUrl);
      this.store.saveSetting('portal.username', session.user.name);
      this.store.saveSetting('portal.profile', JSON.stringify(profile));
    });
    this.changes.emit({ id: null });
  }

  /**
   * Takes up a kept sign-in that has not expired, without asking. Offline, it waits like any
   * sign-in; a token the portal no longer accepts asks for a new sign-in. True when it was taken up.
   */
  async resume(): Promise<boolean> {
    const kept = this.vault?.read() ?? null;
    if (!kept || this.current) return false;
    if (Date.parse(kept.expiresAt) <= this.now().getTime()) {
      this.vault!.clear();
      this.signInRequired = true;
      this.changes.emit({ id: null });
      return false;
    }
    const client = new PortalClient(kept.url).withToken(kept.token);
    this.current = client;
    this.who = { username: kept.username, role: kept.role, portalName: kept.portalName };
    this.kept = true;
    // The profile is refreshed on each connection, a resumed one too (offline: the cached one stays).
    try {
      const profile = await client.profile();
      if (this.isClosed) return false;
      this.store.saveSetting('portal.profile', JSON.stringify(profile));
      this.who.portalName = profile.portal.name;
    } catch (error) {
      if (this.isClosed) return false;
      if (this.failed(error) === 'signedOut') {
        this.changes.emit({ id: null });
        return false;
      }
    }
    return true;
  }

  /** A request was answered. */
  answered(): void {
    this.online = true;
  }

  /**
   * What a failed request says about the connection: the portal is unreachable (offline until
   * the next answer), or it refused the token (queued actions stay until the next sign-in; a
   * kept sign-in is forgotten). Null for any other refusal.
   */
  failed(error: unknown): 'unreachable' | 'signedOut' | null {
    if (error instanceof PortalUnreachable) {
      this.online = false;
      return 'unreachable';
    }
    if (error instanceof PortalError && error.status === 401) {
      this.current = null;
      this.signInRequired = true;
      this.kept = false;
      this.vault?.clear();
      this.ended.emit();
      return 'signedOut';
    }
    return null;
  }

  /**
   * "Abmelden": forgets the token here at once, and asks the portal to end the session (best
   * effort: offline, the token is forgotten all the same). The outbox stays and goes out after
   * the next sign-in. The promise is the portal's answer, for whoever wants to wait for it.
   */
  disconnect(): Promise<void> {
    const client = this.current;
    this.current = null;
    this.who = null;
    this.kept = false;
    this.vault?.clear();
    this.ended.emit();
    this.changes.emit({ id: null });
    return client ? client.logout().catch(() => undefined) : Promise.resolve();
  }

  close(): void {
    this.isClosed = true;
    this.ended.clear();
  }

  status(): PortalStatus {
    const url = this.store.setting('portal.url');
    const truncation = url === null ? null : this.store.historyTruncation(url);
    return {
      connected: this.current !== null,
      url,
      username: this.username(),
      role: this.who?.role ?? null,
      portalName: this.who?.portalName ?? null,
      online: this.online,
      pending: this.store.pending(),
      signInRequired: this.signInRequired,
      keepSignIn: this.vault?.kind ?? null,
      kept: this.kept,
      historyWarning: truncation ? formatMessage('sync.historyTruncated', { kept: truncation.kept.seq, seen: truncation.seen.seq }) : null,
    };
  }

  /** The portal's profile as cached at the last sign-in. */
  cachedProfile(): Profile | null {
    const value = this.store.setting('portal.profile');
    return value ? (JSON.parse(value) as Profile) : null;
  }
}
