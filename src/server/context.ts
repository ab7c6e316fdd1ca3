/** What every route module is handed: the store and the app's policies. */
import type { AuthThrottlePolicy } from '../core/auth/throttle.ts';
import type { KnowledgeGraph } from '../core/knowledge/index.ts';
import type { Store } from '../store/open.ts';
import type { SessionPolicy } from '../store/sessions.ts';
import type { UploadLimits } from './microbiome/upload-gate.ts';

/** How the server sends Web Push (reminders); see src/server/push/send.ts. */
export interface PushSettings {
  /** VAPID subject: a mailto: or https: address where a push service can reach the operator. */
  subject: string;
  /** Accept push endpoints on loopback addresses: tests and local development only. */
  allowLoopbackEndpoints: boolean;
  /** A certificate authority (PEM) to trust besides the usual ones: a test's self-signed push service. */
  ca?: string;
}

/** Apple's push service refuses a subject at localhost, so the default names a real domain. */
export const DEFAULT_PUSH_SETTINGS: PushSettings = {
  subject: 'mailto:push-contact@example.com',
  allowLoopbackEndpoints: false,
};

export interface AppContext {
  store: Store;
  sessionPolicy: SessionPolicy;
  /** Growing delays for wrong passwords and registrations (server/auth-throttle.ts). */
  authThrottle: AuthThrottlePolicy;
  /** The clock, replaceable in tests. */
  now: () => Date;
  /** The gut–brain knowledge graph, loaded and validated once at start-up. */
  knowledge: KnowledgeGraph;
  push: PushSettings;
  /** How large, slow and many microbiome uploads may be (src/server/microbiome/upload-gate.ts). */
  uploads: UploadLimits;
}
