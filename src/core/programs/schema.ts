/**
 * A program is data: weeks that each add goals, and goals that are rules over the day × measure
 * matrix. `parseProgram` validates a definition (from this repository or a clinic's JSON/YAML)
 * so a bad one is refused at load with the path of the mistake, not discovered on someone's Today.
 *
 * @example parseProgram(JSON.parse(readFileSync('clinic-program.json', 'utf8')))
 */
import { z } from 'zod';
// Imported for their side effect: they register the food and habit measures rules may name.
import '../foods/derive.ts';
import '../habits/habits.ts';
import { evidenceGradeSchema } from '../knowledge/types.ts';
import { measureByKey } from '../tracking/measures.ts';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'must be snake_case' })
  .max(60);
const measureKey = z
  .string()
  .refine((k) => measureByKey(k) !== undefined, { error: 'is not a known measure' });
const positive = z.number().positive();

export const ruleSchema = z.discriminatedUnion('type', [
  /** The sum of `measures` on the day is at least `value` (nothing logged counts 0). */
  z.strictObject({ type: z.literal('at_least'), measures: z.array(measureKey).min(1), value: positive }),
  /**
   * `measure` (a time of day) falls within `windowMinutes` after `anchor` (a time of day), once
   * `gate` reaches its value: morning sunlight within 2 h of waking.
   */
  z.strictObject({
    type: z.literal('within_after'),
    measure: measureKey,
    anchor: measureKey,
    windowMinutes: z.number().int().min(1).max(1440),
    gate: z.strictObject({ measure: measureKey, value: positive }),
  }),
  /** A time of day within `toleranceMinutes` of its median over the `lookbackDays` before. */
  z.strictObject({
    type: z.literal('near_median_time'),
    measure: measureKey,
    lookbackDays: z.number().int().min(3).max(90),
    toleranceMinutes: z.number().int().min(1).max(720),
    minDays: z.number().int().min(1).max(90),
  }),
  /**
   * The mean of `measure` over the period's days with food logged is at least `reductionPercent`
   * below its mean over week `baselineWeek`. Weekly goals only.
   */
  z.strictObject({
    type: z.literal('below_baseline'),
    measure: measureKey,
    loggedMeasure: measureKey,
    baselineWeek: z.number().int().min(1),
    reductionPercent: z.number().min(1).max(100),
  }),
  /** Nothing to log: the person ticks it by hand. */
  z.strictObject({ type: z.literal('manual') }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const goalSchema = z
  .strictObject({
    id,
    title: z.string().min(1).max(120),
    description: z.string().max(600).optional(),
    period: z.enum(['day', 'week']),
    rule: ruleSchema,
    /** Weekly goals built from a daily rule: on how many days of the week it must be met. */
    timesPerWeek: z.number().int().min(1).max(7).optional(),
    /** Optional goals can be skipped and never count towards streaks or completion. */
    optional: z.boolean().optional(),
    /** Shown (and acknowledged) before an optional goal starts: when to talk to a professional. */
    caution: z.strictObject({ text: z.string().min(1).max(600), professional: id }).optional(),
    /** The knowledge graph node this goal practises (a practice or food category id). */
    node: id.optional(),
    /**
     * The graph edge a goal that names a brain messenger rests on, and its grade, shown with the goal
     * so "serotonin" never reads as more certain than the graph says.
     */
    evidence: z
      .strictObject({
        edge: z
          .string()
          .regex(/^[a-z][a-z0-9_]*--[a-z_]+--[a-z][a-z0-9_]*$/, { error: 'must be an edge id' }),
        grade: evidenceGradeSchema,
      })
      .optional(),
  })
  .refine((g) => g.rule.type !== 'below_baseline' || g.period === 'week', {
    error: 'a below_baseline rule compares whole weeks, so its goal must be weekly',
    path: ['period'],
  })
  .refine((g) => g.timesPerWeek === undefined || g.period === 'week', {
    error: 'timesPerWeek is for weekly goals',
    path: ['timesPerWeek'],
  })
  .refine((g) => !g.caution || g.optional, {
    error: 'a goal with a caution must be optional',
    path: ['caution'],
  });
export type Goal = z.infer<typeof goalSchema>;

export const weekSchema = z.strictObject({
  title: z.string().min(1).max(120),
  /** Length in days; the 30-day challenge's last week is 9 days long. */
  days: z.number().int().min(1).max(31),
  /** Goals this week adds to those of the weeks before. */
  adds: z.array(goalSchema),
});

export const programSchema = z
  .strictObject({
    id,
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(1000),
    source: z.string().min(1).max(600),
    /** Open-ended programs repeat their last week (in 7-day weeks) until left. */
    openEnded: z.boolean(),
    weeks: z.array(weekSchema).min(1).max(52),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.weeks.forEach((w, wi) => {
      w.adds.forEach((g, gi) => {
        if (seen.has(g.id))
          ctx.addIssue({
            code: 'custom',
            message: `duplicate goal id ${g.id}`,
            path: ['weeks', wi, 'adds', gi, 'id'],
          });
        seen.add(g.id);
        if (g.rule.type === 'below_baseline' && g.rule.baselineWeek > wi) {
          ctx.addIssue({
            code: 'custom',
            message: 'the baseline week must come before the week that adds this goal',
            path: ['weeks', wi, 'adds', gi, 'rule', 'baselineWeek'],
          });
        }
      });
    });
    if (p.openEnded && p.weeks[p.weeks.length - 1]?.days !== 7) {
      ctx.addIssue({ code: 'custom', message: 'an open-ended program repeats 7-day weeks', path: ['weeks'] });
    }
  });
export type Program = z.infer<typeof programSchema>;

export class ProgramDefinitionError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Validates a program definition, throwing ProgramDefinitionError naming the first bad path. */
export function parseProgram(input: unknown): Program {
  const r = programSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new ProgramDefinitionError(
    issue?.path.map(String).join('.') || 'program',
    issue?.message ?? 'invalid',
  );
}

/** The goals in force in week `weekIndex` (0-based): every goal added up to that week. */
export function goalsForWeek(p: Program, weekIndex: number): Goal[] {
  const last = Math.min(weekIndex, p.weeks.length - 1);
  return p.weeks.slice(0, last + 1).flatMap((w) => w.adds);
}
