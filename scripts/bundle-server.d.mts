/** Bundles the gutbrain command and its worker threads into `outdir`; resolves to the entry file. */
export function bundleServer(outdir: string): Promise<string>;
