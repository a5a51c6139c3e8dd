/**
 * Plain-language messages for the schema's generic failures, passed to `safeParse` wherever
 * people read the result (content build, API parameters, join form). Messages a schema sets
 * itself always win over these.
 */
import type { z } from 'zod';

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

export const friendlyErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : article(String(issue.expected))}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return undefined;
    default:
      return undefined;
  }
};

export const parseOptions = { error: friendlyErrors, reportInput: true } as const;
