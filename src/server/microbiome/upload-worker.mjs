// Entry of the upload worker thread. Workers do not inherit the TypeScript loader the server was
// started with (bin/gutbrain.mjs, vitest), so it is registered here before the worker's own code.
import { register } from 'tsx/esm/api';

register();
await import('./upload-worker.ts');
