import { z } from 'zod';
import type { ApiLocale } from './locale.js';

const zhCN = z.locales.zhCN().localeError;
const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);

// The domain's and the API's own English issue messages, in Chinese. Shapes first (a field name, then a rule), then whole sentences.
const SHAPES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^(\S+) must be a text$/, (m) => `${m[1]} 必须是文本`],
  [/^(\S+) must not be empty$/, (m) => `${m[1]} 不能为空`],
  [/^(\S+) must be at most (\d+) characters$/, (m) => `${m[1]} 最多 ${m[2]} 个字符`],
  [/^(\S+) must be at most (\d+) days$/, (m) => `${m[1]} 最多 ${m[2]} 天`],
  [/^(\S+) must be at most (\d+)$/, (m) => `${m[1]} 最大为 ${m[2]}`],
  [/^(\S+) must be a number$/, (m) => `${m[1]} 必须是数字`],
  [/^(\S+) must be a whole number$/, (m) => `${m[1]} 必须是整数`],
  [/^(\S+) must be whole basis points$/, (m) => `${m[1]} 必须是整数个基点`],
  [/^(\S+) must be (-?\d+) to (-?\d+)$/, (m) => `${m[1]} 必须在 ${m[2]} 到 ${m[3]} 之间`],
  [/^(\S+) must be one of (.+)$/, (m) => `${m[1]} 必须是以下之一：${m[2]}`],
  [/^(\S+) must be ((?:[a-z_]+, )*[a-z_]+) or ([a-z_]+)$/, (m) => `${m[1]} 必须是以下之一：${m[2]}, ${m[3]}`],
  [/^(\S+ )?must be (>=|>|<=|<) (-?\d+)( \(100%\))?$/, (m) => `${m[1] ?? ''}必须 ${m[2]} ${m[3]}`],
  [/^(\S+) must be left out or equal the id in the path$/, (m) => `${m[1]} 须省略或与路径中的编号一致`],
  [/^(\S+) must be (\S+)$/, (m) => `${m[1]} 必须是 ${m[2]}`],
  [/^lineId (\S+) appears twice$/, (m) => `订单行编号 ${m[1]} 出现了两次`],
  [
    /^installment shares must add up to 10000 bp, not (-?\d+)$/,
    (m) => `各期比例之和必须为 10000 个基点，而不是 ${m[1]}`,
  ],
  [/^a (\w+) request takes no body$/, (m) => `${m[1]} 请求不能带请求体`],
];

const SENTENCES: Readonly<Record<string, string>> = {
  'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit':
    '必须是 1-64 个字符：字母、数字、"."、"_" 或 "-"，以字母或数字开头',
  'scopeId must be a rep or region id: 1-64 letters, digits, ".", "_" or "-"':
    'scopeId 必须是销售专员或区域编号：1-64 个字母、数字、"."、"_" 或 "-"',
  'must be 1-128 letters, digits, ".", "_", ":" or "-"': '必须是 1-128 个字母、数字、"."、"_"、":" 或 "-"',
  'must be a month YYYY-MM': '必须是 YYYY-MM 格式的月份',
  'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY':
    '必须是 YYYY-MM 格式的月份、YYYY-Qn 格式的季度或 YYYY 格式的年份',
  'an observation names either a sku or a category': '观察记录须填写 sku 或 category 二者之一',
  'must be a month YYYY-MM in the years 1900-2999': '必须是 1900-2999 年间 YYYY-MM 格式的月份',
  'must be a date YYYY-MM-DD in the years 1900-2999': '必须是 1900-2999 年间 YYYY-MM-DD 格式的日期',
  'must be an ISO 4217 currency code, e.g. CNY': '必须是 ISO 4217 币种代码，如 CNY',
  'must be a safe integer': '必须是安全范围内的整数',
  'must be a stream revision (an integer >= -1)': '必须是事件流版本号（>= -1 的整数）',
  'must be a position (a non-negative integer) from a command response': '必须是命令应答中的位置（非负整数）',
  'must be a stream name such as order-42': '必须是事件流名称，如 order-42',
  'must be a region id': '必须是区域编号',
  'must be an instant within the 31 days before now': '必须是此刻之前 31 天内的时刻',
  'url must be an http or https URL': 'url 必须是 http 或 https 网址',
  'url must not carry a user or password': 'url 不能包含用户名或密码',
  'kinds must not be empty': 'kinds 不能为空',
  'kinds must be at most 5': 'kinds 最多 5 项',
  'kinds must not repeat a kind': 'kinds 不能重复同一种提醒',
  'must be an ISO 8601 instant in UTC, e.g. 2026-04-01T00:00:00Z':
    '必须是 UTC 的 ISO 8601 时刻，如 2026-04-01T00:00:00Z',
  'must be a rep id': '必须是销售专员编号',
  'must be a category': '必须是投诉类别',
  'must be a customer id': '必须是客户编号',
  'must be a handler id': '必须是处理人编号',
  'is not a cursor of this list: pass the nextCursor of the previous page':
    '不是本列表的游标：请传入上一页的 nextCursor',
  'must not be before from': '不能早于 from',
  'from must not be after to': 'from 不能晚于 to',
  'asOf must be a revision or an ISO 8601 UTC time': 'asOf 必须是版本号或 ISO 8601 UTC 时间',
  'a JSON body is required (Content-Type: application/json)': '须提供 JSON 请求体（Content-Type: application/json）',
  'the path is not validly percent-encoded': '路径的百分号编码无效',
  'email must be an e-mail address': 'email 必须是电子邮件地址',
  'phone may hold digits, spaces, dashes and a leading +': 'phone 只能包含数字、空格、短横线和开头的 +',
  'a line appears at most once in a shipment': '一个订单行在一次发货中最多出现一次',
  'an amendment changes lines or promisedDeliveryDate': '订单变更须修改订单行或承诺交付日期',
  'an order needs at least one line': '订单至少要有一行',
  'an order has at most 500 lines': '订单最多 500 行',
  'a shipment needs at least one line': '发货至少要有一行',
  'lines must be a list of order lines': 'lines 必须是订单行的列表',
  'the order total is too large (not a safe integer)': '订单总额过大（超出安全整数范围）',
  'installments must fall due in strictly increasing days': '各期的到期天数必须严格递增',
  'a schedule needs at least one installment': '收款计划至少要有一期',
  'a schedule has at most 120 installments': '收款计划最多 120 期',
  'an installment plan needs at least one installment': '分期计划至少要有一期',
  'an installment plan has at most 60 installments': '分期计划最多 60 期',
  'installment numbers must be unique': '分期编号不能重复',
  'an installment falls due between issueDate and dueDate': '每期的到期日必须在开票日和到期日之间',
  'dueDate must be on or after issueDate': 'dueDate 不能早于 issueDate',
  'region is required for a rep target and, for a region target, must be left out or equal scopeId':
    '销售专员目标须填写 region；区域目标的 region 须省略或等于 scopeId',
  'an erasure takes no If-Match: it applies at any revision and a repeat changes nothing':
    '删除个人数据不接受 If-Match：它适用于任何版本，重复执行不会改变任何内容',
};

/** An English issue message of ours in Chinese, or `undefined` when it is not one of ours. */
export function ownIssueInChinese(message: string): string | undefined {
  const sentence = SENTENCES[message];
  if (sentence !== undefined) return sentence;
  for (const [shape, render] of SHAPES) {
    const match = shape.exec(message);
    if (match !== null) return render(match);
  }
  return undefined;
}

/**
 * A zod issue's message in `locale`: as the schema wrote it in English; in Chinese, our own sentences
 * translated, every other rule in zod's zh-CN words (the issue must have been parsed with `reportInput`).
 */
export function zodIssueMessage(issue: z.core.$ZodIssue, locale: ApiLocale): string {
  if (locale === 'en' || hasHan(issue.message)) return issue.message;
  const own = ownIssueInChinese(issue.message);
  if (own !== undefined) return own;
  const zod = zhCN(issue as Parameters<typeof zhCN>[0]);
  return typeof zod === 'string' ? zod : (zod?.message ?? issue.message);
}

/** A hand-written issue message (headers, body, path) in `locale`. */
export const issueMessage = (message: string, locale: ApiLocale): string =>
  locale === 'en' || hasHan(message) ? message : (ownIssueInChinese(message) ?? message);
