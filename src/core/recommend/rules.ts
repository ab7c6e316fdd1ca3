/**
 * The recommendation rules. Each looks at one thing in the person's own recent data and, when it
 * fires, says what it saw (the trigger). The health reason is never written here: it is the
 * knowledge-graph edge named by `edgeId`, shown with its grade and references.
 *
 * @example RULES.find((r) => r.id === 'sleep_hours')?.check(state) // → "Sleep averaged 6.2 hours …" or null
 */
import { addDays } from '../dates.ts';
import {
  daysWith,
  freshScore,
  lastWeek,
  loggedDays,
  MIN_LOGGED_DAYS,
  mean,
  oneDecimal,
  type PersonState,
  SAMPLE_FRESH_DAYS,
  total,
  valuesOf,
} from './state.ts';

export interface Rule {
  /** Stable id: also the recommendation's id, its dismissal key and an experiment's recommendationId. */
  id: string;
  /** The knowledge-graph edge behind the suggestion ("from--relation--to"). */
  edgeId: string;
  /** The action, in a few words. */
  action: string;
  /** The experiment it offers: a title and the measure that shows whether it was done. */
  experiment: { title: string; measure: string | null };
  /** The trigger sentence when the rule fires, else null. */
  check(state: PersonState): string | null;
}

/** Diary rules stay quiet until the window holds enough logged days. */
function enoughDiary(state: PersonState): boolean {
  return loggedDays(state.days).length >= MIN_LOGGED_DAYS;
}

/** "on 2 of your last 7 logged days" */
function ofLogged(n: number, of: number): string {
  return `on ${n} of your last ${of} logged day${of === 1 ? '' : 's'}`;
}

/** An average needs at least 4 values in the last week to describe it. */
const MIN_WEEK_VALUES = 4;

export const RULES: readonly Rule[] = [
  {
    id: 'sleep_hours',
    edgeId: 'sleep--fits--rhythm_night',
    action: 'Give sleep 7 to 9 hours',
    experiment: { title: 'At least 7 hours in bed for 14 nights', measure: 'sleep_hours' },
    check(s) {
      const hours = valuesOf(lastWeek(s.days), 'sleep_hours');
      const m = mean(hours);
      // Under 7 h: the lower bound of the adult recommendation (Hirshkowitz 2015, doi:10.1016/j.sleh.2014.12.010).
      if (hours.length < MIN_WEEK_VALUES || m === null || m >= 7) return null;
      return `Your sleep averaged ${oneDecimal(m)} hours over the ${hours.length} nights you logged this week.`;
    },
  },
  {
    id: 'fermented_food',
    edgeId: 'fermented--increases--microbiome_diversity',
    action: 'Add a fermented food each day',
    experiment: { title: 'A fermented food every day for 14 days', measure: 'fermented_servings' },
    check(s) {
      if (!enoughDiary(s)) return null;
      const logged = loggedDays(s.days);
      const n = daysWith(logged, 'fermented_servings');
      if (n >= 4) return null;
      return `You logged fermented food ${ofLogged(n, logged.length)}.`;
    },
  },
  {
    id: 'fibre_for_butyrate',
    edgeId: 'high_fibre--feeds--gut_microbiota',
    action: 'Eat fibre-rich foods most days',
    experiment: { title: 'Fibre-rich food every day for 14 days', measure: 'high_fibre_servings' },
    check(s) {
      const m = s.microbiome;
      if (!m || m.date <= addDays(s.today, -SAMPLE_FRESH_DAYS)) return null;
      const missing = ['faecalibacterium', 'coprococcus'].filter((t) => m.taxa.get(t) === false);
      if (missing.length < 2) return null;
      return `Your microbiome sample “${m.label}” (${m.date}) shows neither Faecalibacterium nor Coprococcus.`;
    },
  },
  {
    id: 'movement',
    edgeId: 'movement--reduces--depression',
    action: 'Move for 30 minutes on most days',
    experiment: { title: '30 minutes of movement every day for 14 days', measure: 'movement' },
    check(s) {
      if (!enoughDiary(s)) return null;
      const minutes = total(lastWeek(s.days), 'movement');
      // 150 minutes a week: WHO 2020 guideline for adults (Bull et al., doi:10.1136/bjsports-2020-102955).
      if (minutes >= 150) return null;
      return `You logged ${Math.round(minutes)} minutes of movement in the last 7 days.`;
    },
  },
  {
    id: 'morning_light',
    edgeId: 'morning_sunlight--fits--rhythm_morning',
    action: 'Get daylight within an hour of waking',
    experiment: { title: 'Morning daylight every day for 14 days', measure: 'morning_sunlight' },
    check(s) {
      const week = lastWeek(s.days);
      const energy = valuesOf(week, 'energy_morning');
      const m = mean(energy);
      const light = daysWith(week, 'morning_sunlight');
      if (energy.length < MIN_WEEK_VALUES || m === null || m > 5 || light >= 4) return null;
      return `Your morning energy averaged ${oneDecimal(m)} out of 10 this week, with morning daylight logged on ${light} of 7 days.`;
    },
  },
  {
    id: 'breathing_for_stress',
    edgeId: 'breathing--reduces--stress_response',
    action: 'Five minutes of slow breathing a day',
    experiment: { title: 'Five minutes of slow breathing every day for 14 days', measure: 'breathing' },
    check(s) {
      const week = lastWeek(s.days);
      const stress = valuesOf(week, 'stress');
      const m = mean(stress);
      if (stress.length < MIN_WEEK_VALUES || m === null || m < 6 || daysWith(week, 'breathing') >= 3)
        return null;
      return `Your stress averaged ${oneDecimal(m)} out of 10 this week, with breathing exercises on ${daysWith(week, 'breathing')} of 7 days.`;
    },
  },
  {
    id: 'meditation_for_anxiety',
    edgeId: 'meditation--reduces--anxiety',
    action: 'Try ten minutes of mindfulness a day',
    experiment: { title: 'Ten minutes of meditation every day for 14 days', measure: 'meditation' },
    check(s) {
      const gad = freshScore(s, 'gad7');
      // 5 is where GAD-7's "Mild" band starts (Spitzer 2006, doi:10.1001/archinte.166.10.1092).
      if (!gad || gad.score < 5 || daysWith(lastWeek(s.days), 'meditation') >= 3) return null;
      return `Your GAD-7 on ${gad.date} scored ${gad.score} (${gad.bandLabel}), with meditation on ${daysWith(lastWeek(s.days), 'meditation')} of the last 7 days.`;
    },
  },
  {
    id: 'connection_for_mood',
    edgeId: 'social_connection--goes_with_less--depression',
    action: 'Make time for a real conversation',
    experiment: { title: 'A meaningful conversation every day for 14 days', measure: 'social_connection' },
    check(s) {
      const phq = freshScore(s, 'phq9');
      // 5 is where PHQ-9's "Mild" band starts (Kroenke 2001, doi:10.1046/j.1525-1497.2001.016009606.x).
      const talks = daysWith(lastWeek(s.days), 'social_connection');
      if (!phq || phq.score < 5 || talks >= 3) return null;
      return `Your PHQ-9 on ${phq.date} scored ${phq.score} (${phq.bandLabel}), with a meaningful conversation logged on ${talks} of the last 7 days.`;
    },
  },
  {
    id: 'gratitude_for_wellbeing',
    edgeId: 'gratitude--increases--quality_of_life',
    action: 'Write down three good things each evening',
    experiment: { title: 'Three gratitudes every evening for 14 days', measure: 'gratitude' },
    check(s) {
      const who = freshScore(s, 'who5');
      // WHO-5 percentage ≤ 50 is "poor well-being" (Topp 2015, doi:10.1159/000376585).
      const days = daysWith(lastWeek(s.days), 'gratitude');
      if (!who || who.score > 50 || days >= 3) return null;
      return `Your WHO-5 on ${who.date} was ${who.score} out of 100 (${who.bandLabel}), with gratitudes logged on ${days} of the last 7 days.`;
    },
  },
  {
    id: 'fewer_ultra_processed',
    edgeId: 'ultra_processed--associated_with--depression',
    action: 'Swap one ultra-processed food a day for a whole food',
    experiment: { title: 'One ultra-processed swap a day for 14 days', measure: 'ultra_processed_servings' },
    check(s) {
      const foodDays = lastWeek(s.days).filter((d) => (d.values.get('food_entries') ?? 0) > 0);
      const servings = total(foodDays, 'ultra_processed_servings');
      if (foodDays.length < 3 || servings / foodDays.length < 2) return null;
      return `You logged ${oneDecimal(servings / foodDays.length)} ultra-processed servings a day on the ${foodDays.length} days you logged food this week.`;
    },
  },
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
