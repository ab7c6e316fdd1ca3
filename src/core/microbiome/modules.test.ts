import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseModules } from './analysis.ts';
import { parseModuleFile, scoreModules } from './modules.ts';
import { readReportText } from './read.ts';
import { ProfileFormatError } from './types.ts';

const modules = parseModuleFile(
  readFileSync(join(import.meta.dirname, 'fixtures', 'modules', 'small-gbm.txt'), 'utf8'),
);
const fromMap = (m: Record<string, number>) => (o: string) => m[o] ?? 0;

describe('module file (GBM / omixer-rpm format)', () => {
  it('reads steps, tab-separated alternatives and comma-joined complexes; last module may omit ///', () => {
    expect(modules.map((m) => m.id)).toEqual(['MGB005', 'MGB021', 'MGB999']);
    expect(modules[0]!.steps).toEqual([[['K01580']], [['K13052', 'K13053'], ['K00823']]]);
    expect(modules[1]!.steps[3]).toEqual([['K01695', 'K01696']]);
  });

  it('names the line of a bad ortholog and of a missing header', () => {
    const bad = () => parseModuleFile('M1\tname\nK00001\tK0 02\n///\n');
    expect(bad).toThrow(ProfileFormatError);
    expect(bad).toThrow(/^Line 2: 'K0 02'/);
    expect(() => parseModuleFile('\n///\n')).toThrow(/^Line 2/);
    expect(() => parseModuleFile('M1\tname\n///\n')).toThrow(/no steps/);
  });
});

describe('module coverage and abundance (omixer-rpm rules)', () => {
  it("omixer-rpm README's glycolysis example: coverage 4/5 and the path through K00844", () => {
    // R1: K00844|K00845, R2: K01810|K06859|K13810|K15916, R3: K00850|K16370,
    // R4: K01622|K01623|K01624|K11645|K16305|K16306, R5: K01803 — profile from the README.
    const [glycolysis] = parseModuleFile(
      'M\tglycolysis\nK00844\tK00845\nK01810\tK06859\tK13810\tK15916\nK00850\tK16370\nK01622\tK01623\tK01624\tK11645\tK16305\tK16306\nK01803\n',
    );
    const profile = {
      K00844: 10,
      K00845: 3,
      K06859: 7,
      K13810: 8,
      K01804: 12,
      K01622: 2,
      K16370: 5,
      K00703: 12,
    };
    const [r] = scoreModules([glycolysis!], fromMap(profile));
    expect(r!.coverage).toBeCloseTo(4 / 5, 12);
    expect(r!.path).toEqual(['K00844', 'K13810', 'K16370', 'K01622', null]);
    // Median (omixer-rpm's default estimator) of the present steps 10, 8, 5, 2 → (5 + 8) / 2.
    expect(r!.abundance).toBe(6.5);
    expect(r!.present).toBe(true);
  });

  it('a complex counts as present with any subunit; its value is the mean over all subunits', () => {
    const [gaba] = scoreModules(modules.slice(0, 1), fromMap({ K01580: 4, K13052: 6 }));
    // Step 2: complex K13052+K13053 = (6 + 0) / 2 = 3 beats K00823 = 0.
    expect(gaba!.path).toEqual(['K01580', 'K13052+K13053']);
    expect(gaba!.coverage).toBe(1);
    expect(gaba!.abundance).toBe(3.5);
  });

  it('applies the coverage cut-off (default 0.66): 2 of 3 steps pass, 1 of 3 does not', () => {
    const three = modules.slice(2);
    expect(scoreModules(three, fromMap({ K90001: 1, K90002: 1 }))[0]!.present).toBe(true);
    expect(scoreModules(three, fromMap({ K90001: 1 }))[0]!.present).toBe(false);
    expect(scoreModules(three, fromMap({ K90001: 1, K90002: 1 }), 0.9)[0]!.present).toBe(false);
    const none = scoreModules(three, fromMap({}))[0]!;
    expect(none).toMatchObject({ coverage: 0, abundance: 0, present: false, path: [null, null, null] });
  });

  it('finds the same best path as trying every combination (as omixer-rpm does)', () => {
    const m = modules[1]!;
    let seed = 7;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 200; trial++) {
      const ab: Record<string, number> = {};
      for (const o of ['K00766', 'K01817', 'K13498', 'K01609', 'K01695', 'K01696']) {
        ab[o] = rand() < 0.4 ? 0 : Math.round(rand() * 20);
      }
      const greedy = scoreModules([m], fromMap(ab))[0]!;
      // Exhaustive: every path, keep higher coverage, then higher median.
      let best = { coverage: -1, abundance: -1 };
      const walk = (step: number, values: number[]) => {
        if (step === m.steps.length) {
          const present = values.filter((v) => v > 0).sort((a, b) => a - b);
          const mid = present.length >> 1;
          const med =
            present.length === 0
              ? 0
              : present.length % 2
                ? present[mid]!
                : (present[mid - 1]! + present[mid]!) / 2;
          const cov = present.length / m.steps.length;
          if (cov > best.coverage || (cov === best.coverage && med > best.abundance))
            best = { coverage: cov, abundance: med };
          return;
        }
        for (const reaction of m.steps[step]!) {
          walk(step + 1, [...values, reaction.reduce((s, o) => s + (ab[o] ?? 0), 0) / reaction.length]);
        }
      };
      walk(0, []);
      expect([greedy.coverage, greedy.abundance]).toEqual([best.coverage, best.abundance]);
    }
  });

  it('scores every sample of a HUMAnN KO table', () => {
    const ko = readReportText(
      '# Gene Family\tS1_Abundance-RPKs\tS2_Abundance-RPKs\nK01580\t4\t0\nK00823\t2\t0\n',
    );
    if (ko.kind !== 'orthologs') throw new Error('expected orthologs');
    const [s1, s2] = analyseModules(ko.table, modules.slice(0, 1));
    expect(s1!.modules[0]).toMatchObject({ id: 'MGB005', coverage: 1, abundance: 3, present: true });
    expect(s2!.modules[0]).toMatchObject({ coverage: 0, present: false });
  });
});
