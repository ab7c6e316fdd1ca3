/**
 * Food categories (the knowledge graph's food-category ids) and plant kinds, with the source each
 * category claim in the catalogue rests on. A food's categories are what the catalogue says about a
 * usual serving, not a nutrient analysis.
 */

export const FOOD_CATEGORIES = [
  'fermented',
  'prebiotic',
  'high_fibre',
  'omega3',
  'polyphenols',
  'protein',
  'tryptophan',
  'tyrosine',
  'magnesium',
  'l_theanine',
  'ultra_processed',
  'added_sugar',
] as const;

export type FoodCategory = (typeof FOOD_CATEGORIES)[number];

export function isFoodCategory(value: string): value is FoodCategory {
  return (FOOD_CATEGORIES as readonly string[]).includes(value);
}

export interface CategoryInfo {
  label: string;
  /** What membership means in this catalogue. */
  meaning: string;
  source: string;
}

const USDA = 'USDA FoodData Central, https://fdc.nal.usda.gov/';

export const CATEGORY_INFO: Record<FoodCategory, CategoryInfo> = {
  fermented: {
    label: 'Fermented (live cultures)',
    meaning:
      'Made by microbial fermentation and usually eaten without a step that kills the microbes (yogurt, kefir, raw sauerkraut, kimchi, miso). Baked or pasteurised fermented foods (sourdough bread, tempeh, most shop pickles, wine) are not counted.',
    source: 'Marco et al. 2021, ISAPP consensus on fermented foods, doi:10.1038/s41575-020-00390-5',
  },
  prebiotic: {
    label: 'Prebiotic',
    meaning:
      'A good source of fibres gut microbes ferment selectively (inulin, fructo-oligosaccharides, galacto-oligosaccharides, beta-glucan, resistant starch).',
    source: 'Gibson et al. 2017, ISAPP consensus on prebiotics, doi:10.1038/nrgastro.2017.75',
  },
  high_fibre: {
    label: 'Fibre-rich',
    meaning: 'At least 3 g of fibre per usual serving.',
    source: USDA,
  },
  omega3: {
    label: 'Omega-3',
    meaning:
      'A notable source of EPA/DHA (oily fish, seafood) or alpha-linolenic acid (flax, chia, walnuts).',
    source: USDA,
  },
  polyphenols: {
    label: 'Polyphenol-rich',
    meaning: 'Among the richest dietary sources of polyphenols per serving.',
    source:
      'Pérez-Jiménez et al. 2010, the 100 richest dietary sources of polyphenols, doi:10.1038/ejcn.2010.221',
  },
  protein: {
    label: 'Protein',
    meaning: 'At least about 10 g of protein per usual serving.',
    source: USDA,
  },
  tryptophan: { label: 'Tryptophan', meaning: 'A notable source of tryptophan.', source: USDA },
  tyrosine: { label: 'Tyrosine', meaning: 'A notable source of tyrosine.', source: USDA },
  magnesium: { label: 'Magnesium', meaning: 'A notable source of magnesium.', source: USDA },
  l_theanine: {
    label: 'L-theanine',
    meaning: 'Contains L-theanine; tea (Camellia sinensis) is practically its only dietary source.',
    source: 'Türközü & Şanlier 2017, L-theanine, unique amino acid of tea, doi:10.1080/10408398.2015.1016141',
  },
  ultra_processed: {
    label: 'Ultra-processed',
    meaning: 'NOVA group 4: industrial formulations with ingredients not used in home cooking.',
    source: 'Monteiro et al. 2019, the NOVA classification, doi:10.1017/S1368980018003762',
  },
  added_sugar: {
    label: 'Added sugar',
    meaning: 'Contains sugars added in making it, or is itself a free sugar (honey, syrups).',
    source: 'WHO 2015, Guideline: sugars intake for adults and children, ISBN 9789241549028',
  },
};

/**
 * Kinds of plant for plant points. Each distinct plant of the first six kinds counts 1 and each
 * herb or spice ¼, as the American Gut finding (more than 30 plant types a week was associated with
 * a more diverse gut microbiome; McDonald et al. 2018, doi:10.1128/mSystems.00031-18) is commonly
 * applied.
 */
export const PLANT_KINDS = [
  'fruit',
  'vegetable',
  'whole_grain',
  'legume',
  'nut',
  'seed',
  'herb_spice',
] as const;

export type PlantKind = (typeof PLANT_KINDS)[number];

export function isPlantKind(value: string): value is PlantKind {
  return (PLANT_KINDS as readonly string[]).includes(value);
}

export const PLANT_POINTS: Record<PlantKind, number> = {
  fruit: 1,
  vegetable: 1,
  whole_grain: 1,
  legume: 1,
  nut: 1,
  seed: 1,
  herb_spice: 0.25,
};

/** The weekly plant-variety goal from the American Gut Project. */
export const WEEKLY_PLANT_GOAL = 30;
