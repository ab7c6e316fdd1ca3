/**
 * Every migration, in order. Static imports (not a folder scan) so that the same list runs from
 * source under tsx, in tests and in any bundle. Add new ones at the end; never edit a landed one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_knowledge.ts';
import * as m0003 from './0003_screeners.ts';
import * as m0004 from './0004_tracking.ts';
import * as m0005 from './0005_microbiome.ts';
import * as m0006 from './0006_insights.ts';
import * as m0007b from './0007_b_sharing.ts';
import * as m0007 from './0007_ownership.ts';
import * as m0008 from './0008_offline.ts';
import * as m0009 from './0009_recommend.ts';
import * as m0010 from './0010_push.ts';
import * as m0011 from './0011_observation_by_measure.ts';
import * as m0012 from './0012_support_read.ts';
import * as m0013 from './0013_auth_throttle.ts';
import * as m0014 from './0014_experiment_primary_outcome.ts';
import * as m0016 from './0016_upload_lease.ts';
import * as m0017 from './0017_device_data.ts';
import * as m0018 from './0018_clinics.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_knowledge': m0002,
  '0003_screeners': m0003,
  '0006_insights': m0006,
  '0007_ownership': m0007,
  '0007_b_sharing': m0007b,
  '0005_microbiome': m0005,
  '0004_tracking': m0004,
  '0008_offline': m0008,
  '0009_recommend': m0009,
  '0010_push': m0010,
  '0011_observation_by_measure': m0011,
  '0012_support_read': m0012,
  '0013_auth_throttle': m0013,
  '0014_experiment_primary_outcome': m0014,
  '0016_upload_lease': m0016,
  '0017_device_data': m0017,
  '0018_clinics': m0018,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
