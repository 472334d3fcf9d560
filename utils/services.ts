// Types and the Pinia registry only: the stores of a page's first frame import this, so the
// repositories themselves (create-services.ts) stay in the chunk that opens the database.
import { getActivePinia, type Pinia } from 'pinia';
import type { SessionRepo } from './db/session-repo';
import type { RelationshipRepo } from './db/relationship-repo';
import type { CommitmentRepo } from './db/commitment-repo';
import type { HistoryRepo } from './db/history-repo';
import type { Keyring } from './crypto/keyring';
import type { Exclusive } from './crypto/seal-lock';
import type { KeyValueArea } from './storage-area';
import type { BackupPassphrase } from './crypto/backup-passphrase';

/** The browser's permission calls the summary and reminder settings use (browser.permissions). */
export interface PermissionsApi {
  request(permissions: { permissions?: string[]; origins?: string[] }): Promise<boolean>;
  contains(permissions: { permissions?: string[]; origins?: string[] }): Promise<boolean>;
  remove(permissions: { permissions?: string[]; origins?: string[] }): Promise<boolean>;
}

/** Notes typed since the last save, handed to the background by a closing page (see NotesHandOff). */
export type HandOff = (sessionId: string, fields: { agenda?: string; notes?: string }, at: number) => void;

/**
 * Everything a page's stores reach outside themselves for, built once per page (the composition
 * root, `createServices` in create-services.ts, called from the page's wiring) and handed to the stores through
 * their Pinia (`installServices`). A store asks for what it needs with `useServices()`; asking
 * for something the page never installed throws, instead of doing nothing as a half-wired store did.
 */
export interface Services {
  /** The one clock: stores read the time here, pure code takes it as an argument. */
  now(): number;
  /** Sessions through the optional passphrase's seal (notes, transcripts, summaries). */
  sessions: SessionRepo;
  /** Sessions as stored, for sealing and opening them all (the passphrase's turn-on and turn-off). */
  rawSessions: SessionRepo;
  relationships: RelationshipRepo;
  commitments: CommitmentRepo;
  history: HistoryRepo;
  keyring: Keyring;
  /** The lock, across every Attune page, around protected writes and passphrase changes. */
  exclusive: Exclusive;
  /** storage.local: settings (see utils/storage-items.ts for every key). */
  local: KeyValueArea;
  /** storage.session: per-call state kept while the browser runs. */
  session: KeyValueArea;
  permissions: PermissionsApi;
  /** Asks the call tab's content script to start or stop reading captions; false when it cannot be reached. */
  requestCaptions(tabId: number, read: boolean): Promise<boolean>;
  handOff: HandOff;
}

/** What only the dashboard page installs beside its services (no panel store asks for them). */
export interface DashboardPageServices {
  /** navigator.storage.estimate, or null where the browser has none. */
  storageEstimate: (() => Promise<{ usage?: number; quota?: number }>) | null;
  /** Runs work that must not hold up the first view (checking the digest is current) once that view is on screen. */
  afterFirstView(work: () => void): void;
  /** This browser's passphrase as backups use it: sealed sessions go out and come in under it. */
  backupPassphrase: BackupPassphrase | null;
  /** After a backup's settings, questions and models were written: the stores that read them read again. */
  afterSettingsRestored(): Promise<void>;
}

/** Every service a page may install. */
export type AnyService = Services & DashboardPageServices;

/** Thrown when a store needs a service its page did not install: a wiring mistake, not a user's. */
export class MissingServiceError extends Error {
  constructor(name: string) {
    super(
      `Attune's "${name}" service is not installed on this page's Pinia: call installServices(services, pinia) before using the store that needs it.`,
    );
    this.name = 'MissingServiceError';
  }
}

const installed = new WeakMap<Pinia, Partial<AnyService>>();

/**
 * Hands services to every store of a Pinia. A page installs all of them; a test installs what
 * the store under test needs. Installing again adds to (or replaces) what was there.
 */
export function installServices(services: Partial<AnyService>, pinia: Pinia | undefined = getActivePinia()): void {
  if (!pinia) throw new Error('installServices needs a Pinia: create one (createPinia) first.');
  installed.set(pinia, { now: () => Date.now(), ...installed.get(pinia), ...services });
}

/** A store's way to its services: `need('sessions')`. */
export type NeedService = <K extends keyof AnyService>(name: K) => AnyService[K];

/**
 * Called in a store's setup: returns the store's way to its services, read when an action runs
 * (a page installs them once its database is open, after its first frame).
 */
export function useServices(): NeedService {
  const pinia = getActivePinia();
  return <K extends keyof AnyService>(name: K): AnyService[K] => {
    const service = pinia ? installed.get(pinia)?.[name] : undefined;
    if (service === undefined) throw new MissingServiceError(name);
    return service as AnyService[K];
  };
}

/**
 * The page's clock for components, read at the moment of an event (a click's time) from the
 * services, so that templates never call Date.now() and tests set the time in one place.
 */
export function useClock(): () => number {
  const need = useServices();
  return () => need('now')();
}
