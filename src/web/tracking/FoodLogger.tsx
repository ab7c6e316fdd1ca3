/**
 * Logging food: search (typo-tolerant), recent and favourite foods, then meal and servings and
 * "Log" — two taps from the recent list. Shows the day's entries and what they add up to.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { CATEGORY_INFO } from '../../core/foods/categories.ts';
import type { Meal } from '../../core/foods/derive.ts';
import { MEALS } from '../../core/foods/derive.ts';
import { ApiError } from '../api.ts';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { sendOrQueue } from '../offline/queue.ts';
import { usePerson } from '../session.tsx';
import { CustomFoodForm } from './CustomFoodForm.tsx';
import {
  type Food,
  type FoodDay,
  foodDayQuery,
  foodSearchQuery,
  recentFoodsQuery,
  removeFoodEntryCall,
  setFavouriteCall,
} from './queries.ts';
import { GOAL_KEYS } from './types.ts';

/** A sensible default meal from the local hour: before 11 breakfast, before 16 lunch, before 21 dinner. */
function mealNow(): Meal {
  const h = new Date().getHours();
  return h < 11 ? 'breakfast' : h < 16 ? 'lunch' : h < 21 ? 'dinner' : 'snack';
}

const SUMMARY: [string, string][] = [
  ['fermented_servings', CATEGORY_INFO.fermented.label],
  ['prebiotic_servings', CATEGORY_INFO.prebiotic.label],
  ['high_fibre_servings', CATEGORY_INFO.high_fibre.label],
  ['ultra_processed_servings', CATEGORY_INFO.ultra_processed.label],
];

export function FoodLogger({ date }: { date: string }) {
  const qc = useQueryClient();
  const person = usePerson();
  const [savedOffline, setSavedOffline] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [picked, setPicked] = useState<{ food: Food; meal: Meal; servings: number } | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(t);
  }, [query]);

  const day = useQuery(foodDayQuery(date));
  const quick = useQuery(recentFoodsQuery());
  const results = useQuery(foodSearchQuery(debounced));

  const refresh = () => {
    qc.invalidateQueries({ queryKey: recentFoodsQuery().queryKey });
    for (const key of GOAL_KEYS) qc.invalidateQueries({ queryKey: [...key] });
  };
  const log = useMutation({
    // Offline, the entry waits in the browser with its client id and is sent once when back online
    // ('always': run even when the browser says offline, so the queue gets it).
    networkMode: 'always',
    mutationFn: (v: { foodId: string; meal: Meal; servings: number; name: string }) =>
      sendOrQueue<{ day: FoodDay }>(person.id, {
        method: 'POST',
        path: '/api/food-entries',
        body: { foodId: v.foodId, meal: v.meal, servings: v.servings, date },
        label: `Food · ${v.name} · ${date}`,
      }),
    onSuccess: (res, v) => {
      if (res.queued) setSavedOffline(v.name);
      else {
        setSavedOffline(null);
        qc.setQueryData(foodDayQuery(date).queryKey, res.answer.day);
      }
      setPicked(null);
      setQuery('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: removeFoodEntryCall,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: foodDayQuery(date).queryKey });
      refresh();
    },
  });
  const favourite = useMutation({
    mutationFn: (v: { foodId: string; favourite: boolean }) => setFavouriteCall(v.foodId, v.favourite),
    onSuccess: () => qc.invalidateQueries({ queryKey: recentFoodsQuery().queryKey }),
  });

  const pick = (food: Food, meal: Meal = mealNow(), servings = 1) => setPicked({ food, meal, servings });
  const favIds = new Set(quick.data?.favourites.map((f) => f.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked)
      log.mutate({
        foodId: picked.food.id,
        meal: picked.meal,
        servings: picked.servings,
        name: picked.food.name,
      });
  };
  const err = log.error instanceof ApiError ? log.error : undefined;

  return (
    <section className="card" aria-labelledby="food-title">
      <h2 id="food-title" className="card-title">
        Food
      </h2>
      <label className="field">
        <span>Find a food</span>
        <input
          type="search"
          value={query}
          placeholder="kefir, lentils, broccoli…"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {debounced && results.data && (
        <ul className="food-results" aria-label="Search results">
          {results.data.foods.length === 0 && (
            <li className="muted">No food matches “{debounced}”. Add it as your own below.</li>
          )}
          {results.data.foods.map((f) => (
            <li key={f.id}>
              <button type="button" className="food-pick" onClick={() => pick(f)}>
                {f.name}
                {f.categories.includes('fermented') && <span className="chip">fermented</span>}
                {f.custom && <span className="chip">yours</span>}
              </button>
            </li>
          ))}
        </ul>
      )}

      {!picked && quick.data && (quick.data.recent.length > 0 || quick.data.favourites.length > 0) && (
        <div className="quick-foods">
          {quick.data.favourites.length > 0 && (
            <>
              <h3 className="small muted">Favourites</h3>
              <div className="chips">
                {quick.data.favourites.map((f) => (
                  <button key={f.id} type="button" className="food-chip" onClick={() => pick(f)}>
                    ★ {f.name}
                  </button>
                ))}
              </div>
            </>
          )}
          {quick.data.recent.length > 0 && (
            <>
              <h3 className="small muted">Recent</h3>
              <div className="chips">
                {quick.data.recent.map((r) => (
                  <button
                    key={r.food.id}
                    type="button"
                    className="food-chip"
                    onClick={() => pick(r.food, r.lastMeal, r.lastServings)}
                  >
                    {r.food.name}
                  </button>
                ))}
              </div>
            </>
          )}
        </div>
      )}

      {picked && (
        <form className="food-add" onSubmit={submit} aria-label={`Log ${picked.food.name}`}>
          <div className="food-add-head">
            <strong>{picked.food.name}</strong>
            <button
              type="button"
              className="icon-button"
              aria-pressed={favIds.has(picked.food.id)}
              aria-label={favIds.has(picked.food.id) ? 'Remove from favourites' : 'Add to favourites'}
              onClick={() =>
                favourite.mutate({ foodId: picked.food.id, favourite: !favIds.has(picked.food.id) })
              }
            >
              {favIds.has(picked.food.id) ? '★' : '☆'}
            </button>
          </div>
          <fieldset className="segmented" aria-label="Meal">
            {MEALS.map((m) => (
              <button
                key={m}
                type="button"
                className={picked.meal === m ? 'selected' : ''}
                aria-pressed={picked.meal === m}
                onClick={() => setPicked({ ...picked, meal: m })}
              >
                {m[0]?.toUpperCase() + m.slice(1)}
              </button>
            ))}
          </fieldset>
          <label className="field servings">
            <span>Servings</span>
            <input
              type="number"
              inputMode="decimal"
              min={0.25}
              max={20}
              step={0.25}
              value={picked.servings}
              onChange={(e) => setPicked({ ...picked, servings: Number(e.target.value) })}
            />
          </label>
          {err && <Notice kind="error">{err.message}</Notice>}
          <div className="save-actions">
            <button type="button" className="button secondary" onClick={() => setPicked(null)}>
              Cancel
            </button>
            <button type="submit" className="button" disabled={log.isPending}>
              {log.isPending ? 'Logging…' : 'Log'}
            </button>
          </div>
        </form>
      )}

      {savedOffline && (
        <Notice kind="info">{savedOffline} saved offline — it will sync when you are back online.</Notice>
      )}
      {day.isPending && <Loading label="Loading the day’s food…" />}
      {day.isError && <ErrorState error={day.error} onRetry={() => day.refetch()} />}
      {day.data && (
        <>
          <section className="plant-meter" aria-label="Plant points">
            <span>
              <strong>{day.data.plantPoints}</strong> plant points today
            </span>
            <span>
              <strong>{day.data.plantPointsWeek}</strong> / {day.data.weeklyPlantGoal} this week
            </span>
            <progress
              max={day.data.weeklyPlantGoal}
              value={Math.min(day.data.plantPointsWeek, day.data.weeklyPlantGoal)}
            />
          </section>
          <div className="chips food-summary">
            {SUMMARY.map(([k, label]) => (
              <span key={k} className="chip">
                {label}: {day.data.measures[k] ?? 0}
              </span>
            ))}
          </div>
          {day.data.entries.length === 0 ? (
            <p className="muted">Nothing logged for this day yet.</p>
          ) : (
            <ul className="entry-list" aria-label="Food logged">
              {day.data.entries.map((e) => (
                <li key={e.id}>
                  <span>
                    <span className="muted small">{e.meal}</span> {e.food.name}
                    {e.servings !== 1 && <span className="muted"> × {e.servings}</span>}
                  </span>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${e.food.name}`}
                    onClick={() => remove.mutate(e.id)}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <CustomFoodForm onAdded={(f) => pick(f)} />
    </section>
  );
}
