import { describe, expect, it } from 'vitest';
import { HttpError } from '../plugins/errors.ts';
import { DEFAULT_UPLOAD_LIMITS, UploadGate } from './upload-gate.ts';

/** A body that yields one line, then waits until released. */
function heldBody() {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  async function* body() {
    yield new TextEncoder().encode('taxon\tS1\nRoseburia\t3\n');
    await gate;
    yield new TextEncoder().encode('Blautia\t5\n');
  }
  return { body: body(), release };
}

describe('UploadGate', () => {
  it('lets uploads wait their turn up to the waiting limit, then answers 503', async () => {
    const gate = new UploadGate({ ...DEFAULT_UPLOAD_LIMITS, parallel: 1, waiting: 1 });
    const a = heldBody();
    const b = heldBody();
    const first = gate.read('a', a.body, { rank: 'genus', modules: null });
    const second = gate.read('b', b.body, { rank: 'genus', modules: null });
    const third = gate.read('c', heldBody().body, { rank: 'genus', modules: null });
    await expect(third).rejects.toMatchObject({ status: 503, code: 'busy' });
    await expect(gate.read('a', heldBody().body, { rank: 'genus', modules: null })).rejects.toBeInstanceOf(
      HttpError,
    );
    a.release();
    b.release();
    expect((await first).kind).toBe('taxa');
    const r = await second;
    expect(r.kind === 'taxa' && r.analysis.diversity?.observed).toBe(2);
  });
});
