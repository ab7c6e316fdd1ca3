/**
 * Web Push for reminders, end to end on each engine with a real push service on 127.0.0.1 (HTTPS,
 * self-signed) and a browser-made subscription: the public key, registering and removing a
 * device, and the job that pushes due reminders — VAPID signed, aes128gcm encrypted, neutral words
 * only, once per person, kind and day even with two server processes; nothing before the
 * reminder's time or with reminders off; a 410 forgets the device; a 500 is retried.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { PushSettings } from '../../src/server/context.ts';
import { type PushContext, sendDueReminderPushes } from '../../src/server/push/send.ts';
import { openStore, type Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { createTestDatabase, testEngines } from '../support/db.ts';
import {
  type BrowserSubscription,
  browserSubscription,
  type PushServiceForTests,
  readVapid,
  startPushService,
} from '../support/push-service.ts';

const MARKER = 'GUTFEELINGMARKER42';
const CHECKIN_AT_20 = {
  checkin: { enabled: true, time: '20:00' },
  questionnaire: { enabled: false },
  program: { enabled: false, time: '12:00' },
};
const ALL_OFF = { ...CHECKIN_AT_20, checkin: { enabled: false, time: '20:00' } };
// Berlin is UTC+1 in March: 19:00 UTC is 20:00 there.
const at = (date: string, utcTime: string) => new Date(`${date}T${utcTime}:00Z`);

describe.each(testEngines())('reminder pushes on %s', (engine) => {
  let service: PushServiceForTests;
  let push: PushSettings;
  let stores: Store[];
  let app: FastifyInstance;
  let server: PushContext;
  let secondServer: PushContext;
  let alice: TestClient;
  let bob: TestClient;
  let device: BrowserSubscription;
  let now = at('2026-03-10', '12:00');

  const rows = (personId: string) =>
    stores[0]?.db
      .selectFrom('push_subscription')
      .select(['endpoint', 'last_success_at'])
      .where('person_id', '=', personId)
      .execute();
  const newPushes = async (ctx: PushContext, instant: Date) => {
    const before = service.received.length;
    const run = await sendDueReminderPushes(ctx, instant);
    return { run, pushes: service.received.slice(before) };
  };

  beforeAll(async () => {
    service = await startPushService();
    push = { subject: 'mailto:ops@gutbrain.test', allowLoopbackEndpoints: true, ca: service.ca };
    // Two "server processes": two stores (connections) on one database, each with its own context.
    const target = await createTestDatabase(engine);
    stores = [await openStore(target), await openStore(target)];
    const [first, second] = stores as [Store, Store];
    const month = 31 * 24 * 3600_000;
    app = await buildApp({
      store: first,
      now: () => now,
      push,
      sessionPolicy: { idleMs: month, absoluteMs: month },
    });
    server = { store: first, push };
    secondServer = { store: second, push };
    alice = await registerClient(app, { timeZone: 'Europe/Berlin' });
    bob = await registerClient(app, { timeZone: 'Europe/Berlin' });
    // Health data that must never reach a push: a note and a low mood, the day before.
    await alice.put('/api/checkins/2026-03-09', { mood: 2, note: `${MARKER} felt awful` });
    device = browserSubscription(`${service.url}/push/alice-phone`);
  });
  afterAll(async () => {
    await app.close();
    for (const s of stores) await s.close();
    await service.close();
  });

  it('answers 401 to every push route without a session', async () => {
    const anon = client(app);
    expect((await anon.get('/api/push/key')).statusCode).toBe(401);
    expect((await anon.post('/api/push/subscriptions', device.json)).statusCode).toBe(401);
    expect(
      (await anon.delete('/api/push/subscriptions', { endpoint: device.json.endpoint })).statusCode,
    ).toBe(401);
  });

  it('hands out one public key, made once and kept in the database for every server', async () => {
    const key = (await alice.get('/api/push/key')).json().publicKey;
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    expect((await bob.get('/api/push/key')).json().publicKey).toBe(key);
    const other = await buildApp({ store: stores[1] as Store, now: () => now, push });
    const carol = await registerClient(other);
    expect((await carol.get('/api/push/key')).json().publicKey).toBe(key);
    await other.close();
  });

  it('refuses a bad subscription, naming the field', async () => {
    const field = async (body: unknown) => {
      const res = await alice.post('/api/push/subscriptions', body);
      expect(res.statusCode, res.body).toBe(400);
      return [res.json().error.field, res.json().error.message];
    };
    const j = device.json;
    expect(await field({ ...j, endpoint: 'http://push.example.com/x' })).toEqual([
      'endpoint',
      'The endpoint must be an https URL.',
    ]);
    expect((await field({ ...j, endpoint: 'https://10.0.0.7/x' }))[0]).toBe('endpoint');
    expect((await field({ ...j, endpoint: 'https://169.254.169.254/latest' }))[0]).toBe('endpoint');
    expect(await field({ ...j, keys: { ...j.keys, p256dh: 'B'.repeat(87) } })).toEqual([
      'keys.p256dh',
      'The p256dh must be a P-256 public key (65 bytes).',
    ]);
    expect(await field({ ...j, keys: { ...j.keys, auth: 'c2hvcnQ' } })).toEqual([
      'keys.auth',
      'The auth must be a 16-byte secret.',
    ]);
    expect(await field({ endpoint: j.endpoint })).toEqual(['keys', 'Please fill in the keys.']);
    expect(await rows(alice.personId as string)).toEqual([]);
  });

  it('registers a device once however often it is sent, and only its owner can remove it', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await alice.post('/api/push/subscriptions', device.json)).statusCode).toBe(204);
    }
    expect(await rows(alice.personId as string)).toHaveLength(1);
    // Bob knows the endpoint: he can neither delete it nor take it with other keys.
    const gone = await bob.delete('/api/push/subscriptions', { endpoint: device.json.endpoint });
    expect(gone.statusCode).toBe(404);
    const bobsKeys = browserSubscription(device.json.endpoint).json;
    const taken = await bob.post('/api/push/subscriptions', bobsKeys);
    expect(taken.statusCode).toBe(409);
    expect(await rows(alice.personId as string)).toHaveLength(1);
    expect(await rows(bob.personId as string)).toEqual([]);
  });

  it('pushes nothing before the reminder’s time, or while no reminder is on', async () => {
    expect((await newPushes(server, at('2026-03-10', '19:30'))).pushes).toEqual([]);
    expect((await alice.put('/api/reminders', CHECKIN_AT_20)).statusCode).toBe(200);
    // 18:59 UTC is 19:59 in Berlin.
    const early = await newPushes(server, at('2026-03-10', '18:59'));
    expect(early.run).toMatchObject({ people: 1, sent: 0 });
    expect(early.pushes).toEqual([]);
  });

  it('at the time: one push, VAPID signed for the endpoint’s origin, encrypted, neutral words only', async () => {
    const instant = at('2026-03-10', '19:00');
    const { run, pushes } = await newPushes(server, instant);
    expect(run).toMatchObject({ people: 1, sent: 1, gone: 0, failed: 0 });
    expect(pushes).toHaveLength(1);
    const [received] = pushes as [(typeof pushes)[number]];
    expect(received.path).toBe('/push/alice-phone');
    expect(received.headers['content-encoding']).toBe('aes128gcm');
    expect(received.headers.topic).toBe('gutbrain-checkin');
    expect(Number(received.headers.ttl)).toBeGreaterThan(0);

    const vapid = readVapid(received.headers.authorization as string);
    expect(vapid.publicKey).toBe((await alice.get('/api/push/key')).json().publicKey);
    expect(vapid.aud).toBe(service.url);
    expect(vapid.sub).toBe('mailto:ops@gutbrain.test');
    expect(vapid.exp).toBeGreaterThan(Date.now() / 1000);
    expect(vapid.exp).toBeLessThanOrEqual(Date.now() / 1000 + 24 * 3600);

    const text = device.decrypt(received.body);
    expect(JSON.parse(text)).toEqual({
      kind: 'checkin',
      title: 'Time for your check-in',
      body: 'A minute for today’s check-in.',
      url: '/today',
    });
    expect(text).not.toContain(MARKER);
    expect(received.body.toString('latin1')).not.toContain(MARKER);
    // Another device cannot read it: the message is bound to this subscription's keys.
    expect(() => browserSubscription(device.json.endpoint).decrypt(received.body)).toThrow();
    const [row] = (await rows(alice.personId as string)) ?? [];
    expect(row?.last_success_at).toBe(instant.toISOString());
  });

  it('pushes it once a day: not again from this server, nor from a second one on the same database', async () => {
    expect((await newPushes(server, at('2026-03-10', '19:01'))).pushes).toEqual([]);
    expect((await newPushes(secondServer, at('2026-03-10', '21:30'))).pushes).toEqual([]);
  });

  it('two servers running the job at the same moment push once between them', async () => {
    const before = service.received.length;
    const instant = at('2026-03-11', '19:05');
    const runs = await Promise.all([
      sendDueReminderPushes(server, instant),
      sendDueReminderPushes(secondServer, instant),
    ]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(service.received.length - before).toBe(1);
  });

  it('a day with a check-in already made gets no reminder', async () => {
    now = at('2026-03-12', '08:00');
    expect((await alice.put('/api/checkins/2026-03-12', { mood: 6 })).statusCode).toBeLessThan(300);
    expect((await newPushes(server, at('2026-03-12', '19:00'))).pushes).toEqual([]);
  });

  it('a push service outage (500) gives the claim back: the next minute tries again', async () => {
    service.answer('/push/alice-phone', 500);
    const failed = await newPushes(server, at('2026-03-13', '19:00'));
    expect(failed.run).toMatchObject({ sent: 0, failed: 1 });
    expect(failed.pushes).toHaveLength(1);
    service.answer('/push/alice-phone', 201);
    const retried = await newPushes(secondServer, at('2026-03-13', '19:01'));
    expect(retried.run).toMatchObject({ sent: 1 });
    expect(JSON.parse(device.decrypt((retried.pushes[0] as { body: Buffer }).body)).kind).toBe('checkin');
  });

  it('a device the push service calls gone (410) is forgotten', async () => {
    service.answer('/push/alice-phone', 410);
    const { run } = await newPushes(server, at('2026-03-14', '19:00'));
    expect(run).toMatchObject({ sent: 0, gone: 1 });
    expect(await rows(alice.personId as string)).toEqual([]);
    expect((await newPushes(server, at('2026-03-15', '19:00'))).pushes).toEqual([]);
    service.answer('/push/alice-phone', 201);
  });

  it('reminders off: nothing is pushed', async () => {
    expect((await alice.post('/api/push/subscriptions', device.json)).statusCode).toBe(204);
    expect((await alice.put('/api/reminders', ALL_OFF)).statusCode).toBe(200);
    const { run, pushes } = await newPushes(server, at('2026-03-16', '19:00'));
    expect(run.people).toBe(0);
    expect(pushes).toEqual([]);
  });

  it('the same browser under another account moves to it; its owner can remove it', async () => {
    // Same endpoint and keys: one device, now used by Bob.
    expect((await bob.post('/api/push/subscriptions', device.json)).statusCode).toBe(204);
    expect(await rows(alice.personId as string)).toEqual([]);
    expect(await rows(bob.personId as string)).toHaveLength(1);
    const mine = await alice.delete('/api/push/subscriptions', { endpoint: device.json.endpoint });
    expect(mine.statusCode).toBe(404);
    const his = await bob.delete('/api/push/subscriptions', { endpoint: device.json.endpoint });
    expect(his.statusCode).toBe(204);
    expect(await rows(bob.personId as string)).toEqual([]);
  });

  it('serve’s schedule runs the job every tick, stops on close, and logs no endpoint, key or payload', async () => {
    expect((await alice.put('/api/reminders', CHECKIN_AT_20)).statusCode).toBe(200);
    expect((await alice.post('/api/push/subscriptions', device.json)).statusCode).toBe(204);
    service.answer('/push/alice-phone', 500);
    const lines: string[] = [];
    const before = service.received.length;
    const scheduled = await buildApp({
      store: stores[1] as Store,
      now: () => at('2026-03-17', '19:00'),
      push,
      pushRemindersEveryMs: 25,
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    });
    // Failing (500) ticks give the claim back, so each tick tries again…
    await expect.poll(() => service.received.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    service.answer('/push/alice-phone', 201);
    // …until one is accepted; then the day's claim holds.
    await expect.poll(() => lines.some((l) => l.includes('"sent":1')), { timeout: 10_000 }).toBe(true);
    await scheduled.close();
    const after = service.received.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(service.received.length).toBe(after);
    const log = lines.join('\n');
    expect(log).toContain('reminder push failed');
    for (const secret of [
      'alice-phone',
      device.json.keys.p256dh,
      device.json.keys.auth,
      MARKER,
      'Time for your check-in',
    ])
      expect(log).not.toContain(secret);
  });
});
