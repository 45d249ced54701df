import { CampaignAnswer } from '@salesbook/domain';
import { ITEMS } from './public-survey.texts.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A form field's score as a number; anything but one or two digits stays as it was, for the schema to refuse. */
const score = (value: unknown): unknown =>
  typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : value;

/** The page's form fields (flat: `nps`, `csat`, one per item, `comment`) in the answer's shape; a blank comment is none. */
export function answerFromForm(form: Record<string, unknown>): unknown {
  const comment = typeof form['comment'] === 'string' ? form['comment'].trim() : form['comment'];
  return {
    nps: score(form['nps']),
    csat: score(form['csat']),
    scores: Object.fromEntries(ITEMS.map((item) => [item, score(form[item])])),
    ...(comment === undefined || comment === '' ? {} : { comment }),
  };
}

/**
 * The answer a public page's POST carries, checked by the same schema as a rep's phone answer: a form (from the page)
 * or a JSON answer as the phone route takes it.
 */
export function readPublicAnswer(body: unknown, form: boolean) {
  const candidate = form && isRecord(body) ? answerFromForm(body) : body;
  return CampaignAnswer.safeParse(candidate);
}
