/** Adding a food of one's own: name, categories, and (for a plant) which plant it counts as. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  CATEGORY_INFO,
  FOOD_CATEGORIES,
  type FoodCategory,
  PLANT_KINDS,
  type PlantKind,
} from '../../core/foods/categories.ts';
import { ApiError } from '../api.ts';
import { Notice } from '../components/States.tsx';
import { addOwnFoodCall, type Food } from './queries.ts';

const KIND_LABEL: Record<PlantKind, string> = {
  fruit: 'Fruit',
  vegetable: 'Vegetable',
  whole_grain: 'Whole grain',
  legume: 'Legume',
  nut: 'Nut',
  seed: 'Seed',
  herb_spice: 'Herb or spice (¼ point)',
};

export function CustomFoodForm({ onAdded }: { onAdded: (f: Food) => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [cats, setCats] = useState<FoodCategory[]>([]);
  const [kind, setKind] = useState<PlantKind | ''>('');
  const add = useMutation({
    mutationFn: () => {
      const plant = name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
      return addOwnFoodCall({
        name,
        categories: cats,
        ...(kind ? { plantKind: kind, plant: /^[a-z]/.test(plant) ? plant : `plant_${plant}` } : {}),
      });
    },
    onSuccess: (res) => {
      qc.invalidateQueries({ queryKey: ['foods'] });
      setName('');
      setCats([]);
      setKind('');
      onAdded(res.food);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <details className="custom-food">
      <summary>Add a food of your own</summary>
      <form onSubmit={submit} className="form">
        <label className="field">
          <span>Name</span>
          <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="checks">
          <legend>It is…</legend>
          {FOOD_CATEGORIES.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={cats.includes(c)}
                onChange={(e) => setCats(e.target.checked ? [...cats, c] : cats.filter((x) => x !== c))}
              />
              {CATEGORY_INFO[c].label}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Counts as a plant</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as PlantKind | '')}>
            <option value="">Not a plant (or a refined one)</option>
            {PLANT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {err && <Notice kind="error">{err.message}</Notice>}
        <button type="submit" className="button secondary" disabled={!name.trim() || add.isPending}>
          Add food
        </button>
      </form>
    </details>
  );
}
