/** `gutbrain serve`: opens the store (migrating it), builds the app and listens. */
import { buildApp, safeLogSerializers } from '../server/app.ts';
import { openStore } from '../store/open.ts';
import { readConfig } from './config.ts';

export async function serve(): Promise<void> {
  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = await buildApp({
    store,
    webRoot: config.webRoot,
    trustProxy: config.trustProxy,
    ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
    logger: { level: config.logLevel, serializers: safeLogSerializers },
    push: {
      ...(config.push.subject ? { subject: config.push.subject } : {}),
      allowLoopbackEndpoints: config.push.allowLoopbackEndpoints,
    },
    pushRemindersEveryMs: 60_000,
  });
  const shutdown = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Gutbrain is running at http://localhost:${port}`);
  console.log(`Data: ${store.engine === 'sqlite' ? store.location : `PostgreSQL ${store.location}`}`);
  if (!config.push.subject) {
    console.log('Reminder pushes name a placeholder contact: set GUTBRAIN_PUSH_SUBJECT (mailto: or https:).');
  }
}
