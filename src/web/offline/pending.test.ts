import { describe, expect, it } from 'vitest';
import { newClientId, type PendingWrite, parseQueue, withoutWrite, withWrite, writesOf } from './pending.ts';

const w = (id: string, personId: string, key: string): PendingWrite => ({
  id,
  personId,
  method: 'PUT',
  path: `/api/checkins/${key}`,
  body: { mood: 5 },
  key,
  label: key,
  queuedAt: '2026-03-09T08:00:00.000Z',
});

describe('offline queue rules', () => {
  it('keeps writes in the order they were made', () => {
    const q = withWrite(withWrite([], w('a', 'p1', 'k1')), w('b', 'p1', 'k2'));
    expect(q.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('replaces an earlier write of the same thing and moves it to the end', () => {
    let q = withWrite([], w('a', 'p1', 'checkin:2026-03-09'));
    q = withWrite(q, w('b', 'p1', 'food:1'));
    q = withWrite(q, w('c', 'p1', 'checkin:2026-03-09'));
    expect(q.map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('never mixes people: same key, another person, both kept; each sees only their own', () => {
    const q = withWrite(withWrite([], w('a', 'p1', 'k')), w('b', 'p2', 'k'));
    expect(q).toHaveLength(2);
    expect(writesOf(q, 'p2').map((x) => x.id)).toEqual(['b']);
    expect(withoutWrite(q, 'a').map((x) => x.id)).toEqual(['b']);
  });

  it('reads back only well-formed entries from storage', () => {
    const good = w('a', 'p1', 'k');
    const text = JSON.stringify([good, { ...good, id: 1 }, { ...good, path: 'https://evil.example/' }, null]);
    expect(parseQueue(text)).toEqual([good]);
    expect(parseQueue('not json')).toEqual([]);
    expect(parseQueue('{"a":1}')).toEqual([]);
    expect(parseQueue(null)).toEqual([]);
  });

  it('makes RFC 4122 version 4 UUIDs (version and variant bits set whatever the random bytes)', () => {
    expect(newClientId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newClientId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
