import { z } from 'zod';
import type { ConfigurationError } from './config.js';

/**
 * The demonstration's key for survey links: known to anyone who reads this file, so a link signed with it proves
 * nothing, which is why only development mode (the demo) falls back to it.
 */
export const DEMO_SURVEY_LINK_SECRET = 'salesbook-demo-survey-links-not-a-secret';

/** The variable of survey links (merged into the API's environment schema). */
export const SurveyLinksEnv = z.object({
  SALESBOOK_SURVEY_LINK_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(z.string().min(32, 'must be at least 32 characters (HS256)').optional()),
});

/**
 * The HS256 key survey links are signed with: SALESBOOK_SURVEY_LINK_SECRET, or in development the demo's key; outside
 * development an unset key stops start-up, as a missing token secret does (a guessable key would let anyone answer).
 */
export function surveyLinkSecretOf(
  values: z.infer<typeof SurveyLinksEnv>,
  development: boolean,
  refuse: (message: string) => ConfigurationError,
): { surveyLinkSecret: string } {
  const secret = values.SALESBOOK_SURVEY_LINK_SECRET ?? (development ? DEMO_SURVEY_LINK_SECRET : undefined);
  if (secret === undefined)
    throw refuse(
      'SALESBOOK_SURVEY_LINK_SECRET: not set; set it to 32+ random characters (it signs the survey links mailed to customers), or run with NODE_ENV=development for the demo key',
    );
  return { surveyLinkSecret: secret };
}
