import { DOMAIN_ERROR_MESSAGES_ZH, type DomainErrorCode } from '@salesbook/domain';

/** Codes the API itself answers with (failures.ts, the auth guard, report filters, audit, command gateway, the stores). */
type ApiCode =
  | 'INVALID_INPUT'
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'ROUTE_NOT_FOUND'
  | 'STORE_UNAVAILABLE'
  | 'READ_MODEL_REBUILDING'
  | 'INTERNAL_ERROR'
  | 'ROLE_NOT_ALLOWED'
  | 'FILTER_NOT_AUTHORIZED'
  | 'SCORECARD_NOT_AUTHORIZED'
  | 'COMPETITION_NOT_AUTHORIZED'
  | 'OCCURRED_AT_FORBIDDEN'
  | 'AS_OF_INVALID'
  | 'STREAM_NOT_FOUND'
  | 'STREAM_NOT_AUTHORIZED'
  | 'STREAM_REVISION_CONFLICT'
  | 'EVENT_ID_CONFLICT'
  | 'STORE_CORRUPT'
  | 'STORE_CONFIGURATION_INVALID'
  | 'STORE_ACCESS_DENIED'
  | 'PERSONAL_DATA_KEY_UNAVAILABLE'
  | 'PERSONAL_DATA_UNREADABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'HEADERS_TOO_LARGE'
  | 'MALFORMED_REQUEST'
  | 'WEBHOOKS_DISABLED';

/** Every code a client can receive: the deciders' refusals and the API's own. */
export type ErrorCode = ApiCode | DomainErrorCode;

/** The Chinese messages of the API's own codes; the deciders' are the domain's catalogue. */
const API_MESSAGES_ZH: Readonly<Record<ApiCode, string>> = {
  INVALID_INPUT: '请求有 {count, number} 处问题',
  MALFORMED_JSON: '请求体不是有效的 JSON',
  PAYLOAD_TOO_LARGE: '请求体超过了大小上限',
  UNAUTHENTICATED: '未认证：请发送 Authorization: Bearer <令牌>，且令牌须有效',
  ROUTE_NOT_FOUND: '没有这个接口',
  STORE_UNAVAILABLE: '存储暂时不可用，请在 {retryAfterSeconds, number} 秒后重试',
  READ_MODEL_REBUILDING: '读模型 {projections} 正在为本次发布重建，请稍后重试（GET /projections/status 可查看进度）',
  INTERNAL_ERROR: '服务器出错，错误已记录',
  RATE_LIMITED: '请求过于频繁，请在 {retryAfterSeconds, number} 秒后重试',
  IDEMPOTENCY_KEY_REUSED: '该 Idempotency-Key 已用于另一条命令，请为新命令使用新的键',
  REQUEST_TIMEOUT: '请求未能在时限内完整到达',
  HEADERS_TOO_LARGE: '请求头过大',
  MALFORMED_REQUEST: '请求不是有效的 HTTP',
  ROLE_NOT_ALLOWED: '您的角色无权执行此操作',
  FILTER_NOT_AUTHORIZED: '您无权按此区域或销售专员筛选：销售专员只能看自己的数据，区域销售经理只能看本区域的数据',
  SCORECARD_NOT_AUTHORIZED: '您无权查看该销售专员的绩效记分卡',
  COMPETITION_NOT_AUTHORIZED: '您无权查看该销售竞赛的排名：销售专员和区域销售经理只能看本区域和全公司的竞赛',
  OCCURRED_AT_FORBIDDEN: '只有系统角色（数据导入）可以设置 occurredAt',
  AS_OF_INVALID: '时点无效：须为版本号或 ISO 8601 UTC 时间',
  STREAM_NOT_FOUND: '该事件流不存在',
  STREAM_NOT_AUTHORIZED: '您无权读取该事件流：它不属于您的客户',
  STREAM_REVISION_CONFLICT: '数据已被他人修改（版本冲突），请重新读取后再试',
  EVENT_ID_CONFLICT: '事件编号已被使用',
  STORE_CORRUPT: '事件存储已损坏，请联系管理员',
  STORE_CONFIGURATION_INVALID: '事件存储配置无效',
  STORE_ACCESS_DENIED: '事件存储拒绝访问',
  PERSONAL_DATA_KEY_UNAVAILABLE: '个人数据密钥暂时不可用，请稍后重试',
  PERSONAL_DATA_UNREADABLE: '个人数据无法读取',
  WEBHOOKS_DISABLED: '未设置 SALESBOOK_WEBHOOK_KEY：Webhook 既不签名也不投递',
};

/**
 * The Chinese `message` of each error code (ICU message format): the API's own, and the domain's from
 * `@salesbook/domain` (one copy, shared with the command line). English messages are the ones the code's
 * producer writes (they carry the request's own figures); the `details` of a refusal carry those figures in
 * every language. Typed by {@link ErrorCode}, so a new code of a decider fails the type check until it is there;
 * `error-messages.spec.ts` also finds codes written in the API's source.
 */
export const ERROR_MESSAGES_ZH: Readonly<Record<ErrorCode, string>> = {
  ...API_MESSAGES_ZH,
  ...DOMAIN_ERROR_MESSAGES_ZH,
};
