/** What every route module is handed: the store and the app's policies. */
import type { KnowledgeGraph } from '../core/knowledge/index.ts';
import type { Store } from '../store/open.ts';
import type { SessionPolicy } from '../store/sessions.ts';

export interface AppContext {
  store: Store;
  sessionPolicy: SessionPolicy;
  loginLimitPerMinute: number;
  /** The clock, replaceable in tests. */
  now: () => Date;
  /** The gut–brain knowledge graph, loaded and validated once at start-up. */
  knowledge: KnowledgeGraph;
}
