import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const fixtures = join(import.meta.dirname, '../../src/core/microbiome/fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name));
// Expected diversity values: scikit-bio 0.5.8 via src/core/microbiome/reference.py.
const ref = JSON.parse(readFileSync(join(fixtures, '../reference-values.json'), 'utf8'));

// A two-node graph so that the evidence beside a sample is checked independently of the real content.
const knowledge = parseKnowledge([
  {
    name: 'test.yaml',
    text: `topics:
  - { id: gut, title: Gut, summary: The gut., order: 1 }
references:
  - { id: louis_2017, doi: 10.1111/1462-2920.13589, citation: Louis P & Flint HJ (2017). Environ Microbiol., year: 2017, design: review }
nodes:
  - { id: roseburia, kind: microbe, name: Roseburia, topic: gut, summary: A gut bacterium., text: Longer text. }
  - { id: butyrate, kind: metabolite, name: butyrate, topic: gut, summary: A fatty acid., text: Longer text. }
edges:
  - { from: roseburia, relation: produces, to: butyrate, grade: established, note: It ferments fibre to butyrate., refs: [louis_2017] }
`,
  },
]);

const MODULES = 'MGB005\tGABA synthesis\nK01580\nK13052,K13053\tK00823\n///\n';
const KO_TABLE = '# Gene Family\tS1_Abundance-RPKs\nUNMAPPED\t50\nK01580\t4\nK00823\t2\n';

describe.each(testEngines())('microbiome on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now, knowledge });
    alice = await registerClient(app);
    bob = await registerClient(app);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  // Raw bytes (the test client would JSON-encode a Buffer), with the client's session and CSRF token.
  const upload = (c: TestClient, url: string, body: Buffer | string, type = 'application/octet-stream') =>
    app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: {
        'content-type': type,
        ...(c.cookie ? { cookie: `gb_session=${c.cookie}` } : {}),
        ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
      },
    });
  const sampleRows = () => store.db.selectFrom('microbiome_sample').selectAll().orderBy('id').execute();

  it('takes a body of any type only on its upload routes: elsewhere a file is still refused (415)', async () => {
    // The route table registers uploads in their own scope; the catch-all parser must not leak out.
    const text = await upload(
      alice,
      '/api/microbiome/taxonomies',
      'Feature ID\tTaxon\nf1\tg__Roseburia\n',
      'text/csv',
    );
    expect(text.statusCode).toBe(201);
    const elsewhere = await upload(alice, '/api/sharing/grants', 'clinicianEmail=x@example.com', 'text/csv');
    expect(elsewhere.statusCode).toBe(415);
  });

  it('answers 401 to every route without a session', async () => {
    const anon = client(app);
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await upload(anon, '/api/microbiome/samples?date=2026-03-01', 'x')).statusCode).toBe(401);
    expect((await anon.get('/api/microbiome/samples')).statusCode).toBe(401);
    expect((await anon.get(`/api/microbiome/samples/${id}`)).statusCode).toBe(401);
    expect((await anon.delete(`/api/microbiome/samples/${id}`)).statusCode).toBe(401);
    expect((await upload(anon, '/api/microbiome/taxonomies', 'x')).statusCode).toBe(401);
    expect(
      (
        await anon.request('PUT', '/api/microbiome/module-definitions', MODULES, {
          'content-type': 'text/plain',
        })
      ).statusCode,
    ).toBe(401);
    expect((await anon.get('/api/microbiome/module-definitions')).statusCode).toBe(401);
  });

  it('uploads a MetaPhlAn profile and answers its analysis (values from scikit-bio)', async () => {
    const res = await upload(
      alice,
      '/api/microbiome/samples?date=2026-03-01',
      fixture('metaphlan4_rel_ab_w_read_stats.tsv'),
      'text/tab-separated-values',
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.sample).toMatchObject({
      date: '2026-03-01',
      format: 'metaphlan',
      rank: 'genus',
      hasProfile: true,
    });
    const d = body.sample.analysis.diversity;
    expect(d.shannonNats).toBeCloseTo(ref.metaphlan_genus.alpha.shannonNats, 12);
    expect(d.shannonBits).toBeCloseTo(ref.metaphlan_genus.alpha.shannonBits, 12);
    expect(d.chao1.refused).toMatch(/read counts/);
    expect(body.sample.analysis.taxa[0]).toMatchObject({ name: 'Corynebacterium' });
    expect(body.sample.analysis.taxa[0].share).toBeCloseTo(0.5285687, 6);
    expect(body.previous).toBeNull();
    expect(body.change).toBeNull();
  });

  it('a later sample shows the change since the previous one', async () => {
    const later = Buffer.from(
      fixture('metaphlan4_rel_ab_w_read_stats.tsv')
        .toString()
        .replace(/g__Alistipes\t([^\t]*)\t12\.14543/, 'g__Alistipes\t$1\t30.0'),
    );
    const res = await upload(alice, '/api/microbiome/samples?date=2026-03-08', later);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.previous.date).toBe('2026-03-01');
    expect(body.change.brayCurtis).toBeGreaterThan(0);
    expect(body.change.biggestShifts[0].name).toBe('Alistipes');
  });

  it('reads BIOM 2.1 (HDF5) and asks which sample of a multi-sample table is the person', async () => {
    const hdf5 = fixture('rich_sparse_otu_table_hdf5.biom');
    const none = await upload(alice, '/api/microbiome/samples?date=2026-02-01', hdf5);
    expect(none.statusCode, none.body).toBe(400);
    expect(none.json().error.field).toBe('sample');
    expect(none.json().error.message).toMatch(/6 samples/);
    // The web app offers these as a picker (issue 18): the table's own sample ids, in its order.
    expect(none.json().error.choices).toEqual([
      'Sample1',
      'Sample2',
      'Sample3',
      'Sample4',
      'Sample5',
      'Sample6',
    ]);
    const res = await upload(alice, '/api/microbiome/samples?date=2026-02-01&sample=Sample1', hdf5);
    expect(res.statusCode).toBe(201);
    const a = res.json().sample.analysis;
    expect(a.format).toBe('biom2');
    expect(a.diversity.chao1.value).toBe(ref.rich_hdf5_genus.alpha.Sample1.chao1);
    expect(a.diversity.simpson).toBeCloseTo(ref.rich_hdf5_genus.alpha.Sample1.simpson, 12);
  });

  it('accepts a small BIOM 1.0 sent as JSON', async () => {
    const res = await alice.post(
      '/api/microbiome/samples?date=2026-01-15&sample=Sample2',
      JSON.parse(fixture('rich_sparse_otu_table.biom').toString()),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().sample.analysis.diversity.observed).toBe(ref.rich_sparse_genus.alpha.Sample2.observed);
  });

  it('joins a QIIME 2 table with an uploaded taxonomy.tsv', async () => {
    const tax = await upload(
      alice,
      '/api/microbiome/taxonomies',
      'Feature ID\tTaxon\nf1\tk__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; f__Lachnospiraceae; g__Roseburia\n',
    );
    expect(tax.statusCode).toBe(201);
    const table = '# Constructed from biom file\n#OTU ID\tme\nf1\t40\nf2\t10\n';
    const res = await upload(
      alice,
      `/api/microbiome/samples?date=2026-01-20&taxonomy=${tax.json().id}`,
      table,
    );
    expect(res.statusCode).toBe(201);
    const a = res.json().sample.analysis;
    // f2 has no taxonomy entry: it stays its own taxon, and the notes say so.
    expect(a.taxa.map((t: { name: string }) => t.name)).toEqual(['Roseburia', 'f2']);
    expect(a.notes.join(' ')).toMatch(/1 features had no entry in taxonomy.tsv/);
    expect(a.moodTaxa.find((m: { nodeId: string }) => m.nodeId === 'roseburia')).toMatchObject({
      present: true,
      share: 0.8,
    });
    // Bob can't use Alice's taxonomy.
    const theirs = await upload(
      bob,
      `/api/microbiome/samples?date=2026-01-20&taxonomy=${tax.json().id}`,
      table,
    );
    expect(theirs.statusCode).toBe(404);
    // What the graph says about Roseburia comes with its grade and citation.
    const ev = res.json().evidence.roseburia;
    expect(ev.findings[0]).toMatchObject({
      statement: 'Roseburia produces butyrate',
      gradeLabel: 'Established',
    });
    expect(ev.findings[0].references[0].url).toBe('https://doi.org/10.1111/1462-2920.13589');
    expect(res.json().evidence.faecalibacterium).toBeUndefined();
  });

  it('answers 400 naming the line of malformed input, and stores nothing', async () => {
    const before = await sampleRows();
    const bad = 'clade_name\tS1\nk__Bacteria\t100\nk__Bacteria|p__Firmicutes\tlots\n';
    const res = await upload(alice, '/api/microbiome/samples?date=2026-03-09', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'malformed_profile',
      message: "Line 3: column 'S1' holds 'lots', not a number",
      field: 'file',
    });
    const biom = JSON.parse(fixture('min_sparse_otu_table.biom').toString());
    biom.shape = [9, 9];
    const r2 = await upload(alice, '/api/microbiome/samples?date=2026-03-09', JSON.stringify(biom));
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.message).toMatch(/^shape:/);
    expect(await sampleRows()).toEqual(before);
  });

  it('validates the query: bad date, future date, unknown rank, unknown field', async () => {
    const body = fixture('metaphlan4_rel_ab_w_read_stats.tsv');
    const cases: Array<[string, string]> = [
      ['date=2026-02-30', 'date'],
      ['date=2026-03-11', 'date'],
      ['date=2026-03-01&rank=tribe', 'rank'],
      ['date=2026-03-01&colour=red', 'colour'],
      ['rank=genus', 'date'],
    ];
    for (const [q, field] of cases) {
      const res = await upload(alice, `/api/microbiome/samples?${q}`, body);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.field, q).toBe(field);
    }
  });

  it('scores gut–brain modules from a KO table once module definitions are uploaded', async () => {
    const first = await upload(alice, '/api/microbiome/samples?date=2026-03-08', KO_TABLE);
    expect(first.statusCode).toBe(400);
    expect(first.json().error.field).toBe('modules');
    const bad = await alice.request(
      'PUT',
      '/api/microbiome/module-definitions',
      'M1\tname\nK0000X y\n///\n',
      { 'content-type': 'text/plain' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Line 2:/);
    const put = await alice.request('PUT', '/api/microbiome/module-definitions', MODULES, {
      'content-type': 'text/plain',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().modules).toEqual([{ id: 'MGB005', name: 'GABA synthesis', steps: 2 }]);
    expect((await bob.get('/api/microbiome/module-definitions')).statusCode).toBe(404);
    const res = await upload(alice, '/api/microbiome/samples?date=2026-03-08', KO_TABLE);
    expect(res.statusCode).toBe(201);
    const s = res.json().sample;
    // Same date as the second profile: the KO result joins that sample.
    expect(s).toMatchObject({ hasProfile: true, hasModules: true, date: '2026-03-08' });
    // Steps 4 and 2 present → coverage 1, median (2 + 4) / 2 = 3.
    expect(s.modules[0]).toMatchObject({
      id: 'MGB005',
      coverage: 1,
      abundance: 3,
      present: true,
      path: ['K01580', 'K00823'],
    });
  });

  it('lists only the person’s own samples; another person’s sample answers 404', async () => {
    const list = (await alice.get('/api/microbiome/samples')).json().samples;
    expect(list.map((s: { date: string }) => s.date)).toEqual([
      '2026-03-08',
      '2026-03-01',
      '2026-02-01',
      '2026-01-20',
      '2026-01-15',
    ]);
    expect((await bob.get('/api/microbiome/samples')).json().samples).toEqual([]);
    const id = list[0].id;
    expect((await bob.get(`/api/microbiome/samples/${id}`)).statusCode).toBe(404);
    expect((await bob.delete(`/api/microbiome/samples/${id}`)).statusCode).toBe(404);
    expect((await alice.get('/api/microbiome/samples/not-a-uuid')).statusCode).toBe(400);
    const one = await alice.get(`/api/microbiome/samples/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().sample.id).toBe(id);
    expect((await alice.delete(`/api/microbiome/samples/${id}`)).statusCode).toBe(204);
    expect((await alice.get(`/api/microbiome/samples/${id}`)).statusCode).toBe(404);
  });

  it('refuses a body over the size limit with 413', async () => {
    const { DEFAULT_UPLOAD_LIMITS } = await import('../../src/server/microbiome/upload-gate.ts');
    // An HDF5 signature, then zeros: counted as it arrives, refused once past the limit.
    const signature = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
    const big = Buffer.concat([signature, Buffer.alloc(DEFAULT_UPLOAD_LIMITS.maxBytes)]);
    const res = await upload(alice, '/api/microbiome/samples?date=2026-03-05', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('The file is larger than 200 MB.');
  });
});
