// Entry of the import worker thread: workers do not inherit the TypeScript loader the server was
// started with, so it is registered here before the worker's own code (as upload-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
