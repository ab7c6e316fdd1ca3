// Entry of the wearable import worker thread: workers do not inherit the TypeScript loader the
// server was started with, so it is registered here before the worker's own code.
import { register } from 'tsx/esm/api';

register();
await import('./wearable-worker.ts');
