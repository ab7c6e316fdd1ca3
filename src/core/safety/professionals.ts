/**
 * The kinds of professional help the support screen lists, each linked to its knowledge-graph
 * node (Learn page). Wording follows the first seed article's "Types of Professional Help", with the
 * GP added as the usual first door in most health systems.
 */

export interface ProfessionalKind {
  /** Knowledge-graph professional node id. */
  id:
    | 'psychiatrist'
    | 'psychologist'
    | 'general_practitioner'
    | 'nutrition_professional'
    | 'integrative_doctor';
  name: string;
  description: string;
}

export const PROFESSIONAL_KINDS: readonly ProfessionalKind[] = [
  {
    id: 'general_practitioner',
    name: 'GP (family doctor)',
    description: 'A good first step: can assess you, check physical causes and refer you on.',
  },
  {
    id: 'psychiatrist',
    name: 'Psychiatrist',
    description: 'A medical doctor who can diagnose and prescribe medication when it is needed.',
  },
  {
    id: 'psychologist',
    name: 'Psychologist',
    description: 'Offers talking therapies such as CBT.',
  },
  {
    id: 'nutrition_professional',
    name: 'Nutrition professional',
    description: 'A registered dietitian or nutritionist can help with food, eating and gut health.',
  },
  {
    id: 'integrative_doctor',
    name: 'Integrative medicine doctor',
    description: 'A doctor who combines conventional and complementary approaches.',
  },
];
