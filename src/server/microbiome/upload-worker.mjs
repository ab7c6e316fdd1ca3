// Entry of the upload worker thread. Workers do not inherit the TypeScript loader the server was
// started with (bin/gutbrain.mjs, vitest), so it is registered here before the worker's own code.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// h5wasm's Node build is one very large JavaScript file; passed through tsx's loader it takes ~20 s
// and ~600 MB to load. Loaded first, by Node's own loader, it takes under a second, and the later
// `import('h5wasm/node')` in read-report.ts finds it already in the module cache.
if (workerData?.hdf5) await import('h5wasm/node');
register();
await import('./upload-worker.ts');
