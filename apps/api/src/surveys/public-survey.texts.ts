import type { ApiLocale } from '../i18n/locale.js';

/** Why the public page does not take an answer; each has its own status and text. */
export type PageRefusal =
  | 'malformed'
  | 'forged'
  | 'expired'
  | 'unknown'
  | 'not-open'
  | 'answered'
  | 'unavailable'
  | 'invalid-answer'
  | 'store-unavailable';

/** The status of each refusal page. */
export const REFUSAL_STATUS: Readonly<Record<PageRefusal, number>> = {
  malformed: 400,
  'invalid-answer': 400,
  forged: 403,
  unknown: 404,
  'not-open': 409,
  answered: 409,
  unavailable: 409,
  expired: 410,
  // The event store or the key store is away (sent with Retry-After, as the API's JSON 503 is).
  'store-unavailable': 503,
};

/** The four item scores, in the order the page asks them (names as the answer's `scores`). */
export const ITEMS = ['productQuality', 'delivery', 'service', 'price'] as const;

/** Everything the page says, in one language (terms per docs/glossary.md). */
export interface PageTexts {
  readonly title: string;
  readonly forCompany: string;
  readonly nps: string;
  readonly npsEnds: readonly [string, string];
  readonly csat: string;
  readonly csatEnds: readonly [string, string];
  readonly items: string;
  readonly item: Readonly<Record<(typeof ITEMS)[number], string>>;
  readonly comment: string;
  readonly send: string;
  readonly thanks: string;
  readonly refusal: Readonly<Record<PageRefusal, string>>;
}

const en: PageTexts = {
  title: 'Customer satisfaction survey',
  forCompany: 'For',
  nps: 'How likely are you to recommend us to a friend or colleague?',
  npsEnds: ['0 = not at all likely', '10 = extremely likely'],
  csat: 'Overall, how satisfied are you with us?',
  csatEnds: ['1 = very dissatisfied', '5 = very satisfied'],
  items: 'Please rate each of these from 1 (very poor) to 5 (very good):',
  item: { productQuality: 'Product quality', delivery: 'Delivery', service: 'Service', price: 'Price' },
  comment: 'Anything else you would like to tell us? (optional)',
  send: 'Send my answers',
  thanks: 'Thank you. Your answers have been recorded.',
  refusal: {
    malformed: 'This is not a survey link. Please check that the whole address was copied.',
    forged: 'This survey link is not valid.',
    expired: 'This survey link has expired: the survey has closed.',
    unknown: 'This survey cannot be found.',
    'not-open': 'This survey is not taking answers at the moment.',
    answered: 'This survey has already been answered. Each link takes one answer.',
    unavailable: 'This survey cannot take an answer for your company.',
    'invalid-answer': 'Please answer every question with a score in its range.',
    'store-unavailable':
      'The survey cannot be reached at the moment. Please try again in a few minutes: your link remains valid.',
  },
};

const zh: PageTexts = {
  title: '客户满意度调查',
  forCompany: '受邀客户：',
  nps: '您有多大可能向朋友或同事推荐我们？',
  npsEnds: ['0 = 完全不可能', '10 = 非常可能'],
  csat: '总体而言，您对我们的满意程度如何？',
  csatEnds: ['1 = 非常不满意', '5 = 非常满意'],
  items: '请为以下各项打分，1（很差）至 5（很好）：',
  item: { productQuality: '产品质量', delivery: '交付', service: '服务', price: '价格' },
  comment: '其他意见或建议（选填）',
  send: '提交',
  thanks: '感谢您的反馈，您的回答已记录。',
  refusal: {
    malformed: '这不是有效的调查链接，请检查地址是否完整复制。',
    forged: '此调查链接无效。',
    expired: '此调查链接已过期：调查已截止。',
    unknown: '找不到此调查。',
    'not-open': '此调查目前不接受作答。',
    answered: '此调查已作答，每个链接只能作答一次。',
    unavailable: '此调查无法接受贵公司的作答。',
    'invalid-answer': '请为每个问题选择范围内的分数。',
    'store-unavailable': '调查暂时无法访问，请几分钟后再试，您的链接仍然有效。',
  },
};

/** The page's texts in a language. */
export const pageTexts = (locale: ApiLocale): PageTexts => (locale === 'zh-CN' ? zh : en);
