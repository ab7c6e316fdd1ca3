/**
 * Error messages in words a person understands: a field named as the form names it ("the
 * clinician's email", not `clinicianEmail`), and zod's developer wording ("Too small: expected
 * string to have >=3 characters") rewritten. The `field` of the error body keeps the machine name,
 * so the web app can still put the message beside the right input.
 */
import type { z } from 'zod';

/** Names of fields whose words differ from their split-up identifier. */
const FIELD_LABELS: Record<string, string> = {
  clinicianEmail: 'the clinician’s email',
  untilDate: 'the end date',
  displayName: 'your name',
  timeZone: 'the time zone',
  currentPassword: 'your current password',
  newPassword: 'the new password',
  foodId: 'the food',
  programId: 'the program',
  startDate: 'the start date',
  q: 'the search',
  body: 'the form',
  query: 'the address',
  params: 'the address',
};

/**
 * 'clinicianEmail' → 'the clinician’s email'; 'files.0.content' → 'the content';
 * 'movement.minutes' → 'the movement minutes'; 'energy_morning' → 'the energy morning'.
 */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const last = parts[parts.length - 1] ?? path;
  // Own keys only: a field named "constructor" must not find Object.prototype's.
  if (Object.hasOwn(FIELD_LABELS, last)) return FIELD_LABELS[last] as string;
  // 'movement.minutes' → 'the movement minutes': the part before says which one.
  const owner = parts.length > 1 ? parts[parts.length - 2] : undefined;
  const named = owner && !CONTAINERS.has(owner) ? [owner, last] : [last];
  const words = named
    .join(' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return `the ${words}`;
}

/** Path parts that only hold fields ('files.0.name' is a file's name, not a "files name"). */
const CONTAINERS = new Set([
  'body',
  'query',
  'params',
  'files',
  'keys',
  'answers',
  'targets',
  'values',
  'items',
]);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A message that goes on from the field's name ("must be …", "is …") rather than standing alone. */
const PREDICATE = /^(must|is|are|needs?|can|cannot|should|has|have|does|was|were)\b/;

/** zod's own messages start like this; a schema's own `error` wording is kept as written. */
const ZOD_DEFAULT = /^(Too (small|big)|Invalid|Expected|Unrecognized)/;

function describeIssue(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `needs at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${min}`;
      return `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `can have at most ${max}`;
      return `must be at most ${max}`;
    }
    case 'invalid_format':
      return issue.format === 'email' ? 'must be an email address' : 'is not in the expected form';
    case 'invalid_value':
      return issue.values.length <= 6
        ? `must be one of: ${issue.values.map(String).join(', ')}`
        : 'is not one of the choices';
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'must be a number' : 'is not valid';
    default:
      return 'is not valid';
  }
}

/** The message for a failed zod parse: the field in words, then what is wrong with it. */
export function issueMessage(issue: z.core.$ZodIssue, field: string): string {
  const label = fieldLabel(field);
  const missing =
    issue.code === 'invalid_type' &&
    (issue.input === undefined || issue.input === null || issue.input === '');
  if (missing) return `Please fill in ${label}.`;
  const said = describeIssue(issue);
  // "must be between 1 and 10" reads after the field's name; "a number measure needs a unit" alone.
  const sentence = PREDICATE.test(said) ? `${capitalise(label)} ${said}` : capitalise(said);
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}

/**
 * A domain error's message that starts with its raw field name ("untilDate is in the past"):
 * the name becomes words ("The end date is in the past").
 */
export function wordField(message: string, field: string | undefined): string {
  // Only a plain identifier: a field may also be a file's name ("Checkmarks.csv line 3: …").
  if (!field || !/^[a-z][A-Za-z0-9_]*$/.test(field) || !message.startsWith(`${field} `)) return message;
  return `${capitalise(fieldLabel(field))}${message.slice(field.length)}`;
}
