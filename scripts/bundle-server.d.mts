/**
 * Bundles the gutbrain command and its worker threads into `outdir`, with `moreEntries` (name →
 * source path) beside them; resolves to the command's entry file.
 */
export function bundleServer(outdir: string, moreEntries?: Record<string, string>): Promise<string>;
