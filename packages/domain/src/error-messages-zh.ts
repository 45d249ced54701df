import type { AccessErrorCode } from './shared/access.js';
import type { MoneyErrorCode } from './shared/money.js';
import type { ComplaintErrorCode } from './complaint/errors.js';
import type { CustomerErrorCode } from './customer/errors.js';
import type { OrderErrorCode } from './order/errors.js';
import type { ReceivableErrorCode } from './receivable/errors.js';
import type { TargetErrorCode } from './target/errors.js';
import type { TeamErrorCode } from './team/decide.js';
import type { PeriodErrorCode } from './period/index.js';
import type { CommissionStatementErrorCode } from './commission-statement/index.js';
import type { CompetitionErrorCode } from './competition/index.js';
import type { MonthlyReportErrorCode } from './monthly-report/index.js';
import type { ProductErrorCode } from './product/index.js';
import type { PriceListErrorCode } from './pricelist/index.js';
import type { PromotionErrorCode } from './promotion/index.js';
import type { WebhookErrorCode } from './webhook/index.js';
import type { CommissionPlanErrorCode } from './commission/index.js';
import type { SurveyCampaignErrorCode } from './survey-campaign/index.js';
import type { ForecastErrorCode } from './forecast/index.js';
import type { OpportunityErrorCode } from './opportunity/index.js';
import type { EvaluationErrorCode } from './evaluation/index.js';
import type { MarketErrorCode } from './market/index.js';
import type { CompetitorErrorCode } from './competitor/index.js';
import type { ImprovementActionErrorCode } from './improvement-action/index.js';

/** Every code a decider (or a money parse) refuses with. */
export type DomainErrorCode =
  | AccessErrorCode
  | MoneyErrorCode
  | TeamErrorCode
  | CustomerErrorCode
  | OrderErrorCode
  | ReceivableErrorCode
  | ComplaintErrorCode
  | TargetErrorCode
  | PeriodErrorCode
  | MonthlyReportErrorCode
  | ProductErrorCode
  | PriceListErrorCode
  | PromotionErrorCode
  | WebhookErrorCode
  | CommissionPlanErrorCode
  | CommissionStatementErrorCode
  | CompetitionErrorCode
  | ForecastErrorCode
  | SurveyCampaignErrorCode
  | EvaluationErrorCode
  | OpportunityErrorCode
  | MarketErrorCode
  | CompetitorErrorCode
  | ImprovementActionErrorCode;

/**
 * The Simplified Chinese message of each domain refusal, in ICU message format: `{name}` is a value of the refusal's
 * `details`. The one copy the API (with `Accept-Language: zh-CN`) and the command line (an import's refused rows)
 * both answer from; English messages are the ones the deciders write. Typed by {@link DomainErrorCode}, so a new
 * code fails the type check until it has its line. Terms follow docs/glossary.md.
 */
export const DOMAIN_ERROR_MESSAGES_ZH: Readonly<Record<DomainErrorCode, string>> = {
  MONEY_INVALID_DECIMAL: '金额不是有效的十进制数',
  MONEY_TOO_MANY_DECIMALS: '金额的小数位数超过该币种允许的位数',
  MONEY_OUT_OF_RANGE: '金额超出范围',
  MONEY_UNKNOWN_CURRENCY: '未知币种（须为 ISO 4217 代码，如 CNY）',
  CUSTOMER_NOT_FOUND: '客户不存在',
  CUSTOMER_ALREADY_REGISTERED: '该客户已登记',
  CUSTOMER_NOT_AUTHORIZED: '您无权修改该客户',
  CUSTOMER_DEACTIVATED: '该客户已停用，不能再修改',
  CUSTOMER_SURVEY_ALREADY_ANSWERED: '该客户已回答过本期满意度调查',
  CUSTOMER_PERSONAL_DATA_ERASED: '该客户的个人数据已被删除',
  CUSTOMER_FOLLOW_UP_NOT_FOUND: '该调查答卷没有需要回访的记录',
  CUSTOMER_FOLLOW_UP_ALREADY_CLOSED: '该不满意回访已按不同内容关闭',
  CUSTOMER_FOLLOW_UP_ACTION_REQUIRED: '关闭回访须填写采取的措施',
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_ALREADY_PLACED: '该订单号已被使用',
  ORDER_NOT_AUTHORIZED: '您无权处理该订单',
  ORDER_REGION_REQUIRED: '须指定订单所属区域',
  ORDER_CUSTOMER_NOT_FOUND: '订单的客户不存在',
  ORDER_CUSTOMER_INACTIVE: '订单的客户已停用',
  ORDER_CREDIT_LIMIT_EXCEEDED: '订单金额超过客户的信用额度',
  ORDER_CREDIT_CURRENCY_MISMATCH: '订单币种与客户信用额度的币种不一致',
  ORDER_DISCOUNT_NOT_APPROVED: '折扣尚未获批，订单不能确认',
  ORDER_NO_APPROVAL_PENDING: '该订单没有待审批的折扣',
  ORDER_APPROVER_LIMIT_TOO_LOW: '审批人的折扣权限不足',
  ORDER_DISCOUNT_ABOVE_LIMIT: '折扣超过允许的上限',
  ORDER_NOT_CONFIRMED: '订单尚未确认',
  ORDER_ALREADY_CONFIRMED: '订单已确认',
  ORDER_NOT_SHIPPED: '订单尚未发货',
  ORDER_ALREADY_SHIPPED: '订单已发货',
  ORDER_FULLY_SHIPPED: '订单已全部发货',
  ORDER_ALREADY_DELIVERED: '订单已交付',
  ORDER_ALREADY_CANCELLED: '订单已取消',
  ORDER_ALREADY_CLOSED: '订单已关闭',
  ORDER_AMENDMENT_EMPTY: '订单变更没有改动任何内容',
  ORDER_AMENDMENT_BELOW_SHIPPED: '变更后的数量少于已发货数量',
  ORDER_LINE_SKU_FIXED: '订单行的产品编号不能更改',
  ORDER_LINE_NOT_FOUND: '订单行不存在',
  ORDER_SHIPMENT_EXCEEDS_ORDERED: '发货数量超过订货数量',
  ORDER_SHIPMENT_ID_REUSED: '该发货单号已被使用',
  ORDER_DELIVERY_BEFORE_SHIPMENT: '交付日期早于发货日期',
  ORDER_DATE_BEFORE_PLACEMENT: '{field} 的日期 {date} 早于下单日期',
  ORDER_DATE_IN_FUTURE: '{field} 的日期 {date} 晚于今天',
  ORDER_NO_LIST_PRICE: '没有价目表为产品 {sku} 定价，请填写单价',
  ORDER_TOTAL_TOO_LARGE: '按价目表计算的订单金额过大',
  ORDER_PROMOTION_BUDGET_EXCEEDED:
    '促销活动 {promotionId} 的剩余预算为 {remaining}，不足以支持订单行 {lineId} 增加的 {requested}；请将增加的数量作为新订单行添加',
  RECEIVABLE_NOT_FOUND: '应收账款不存在',
  RECEIVABLE_ALREADY_OPENED: '该应收账款已建立',
  RECEIVABLE_NOT_AUTHORIZED: '您无权处理该应收账款',
  RECEIVABLE_INSTALLMENTS_MISMATCH: '分期金额之和与应收总额不符',
  RECEIVABLE_AMOUNT_NOT_POSITIVE: '金额必须大于 0',
  RECEIVABLE_CURRENCY_MISMATCH: '币种与应收账款的币种不一致',
  RECEIVABLE_OVERPAYMENT: '回款金额超过未收余额',
  RECEIVABLE_INSTALLMENT_NOT_FOUND: '该期应收不存在',
  RECEIVABLE_PAYMENT_ID_REUSED: '该回款编号已被使用',
  RECEIVABLE_PAYMENT_NOT_FOUND: '该回款不存在',
  RECEIVABLE_REVERSAL_BEFORE_PAYMENT: '冲回日期早于回款日期',
  RECEIVABLE_ALREADY_SETTLED: '该应收账款已结清',
  RECEIVABLE_WRITTEN_OFF: '该应收账款已核销',
  RECEIVABLE_CREDIT_NOTE_ID_REUSED: '该红字发票编号已被使用',
  RECEIVABLE_CREDIT_EXCEEDS_OUTSTANDING: '红字发票金额超过未收余额',
  RECEIVABLE_WRITE_OFF_ALREADY_REQUESTED: '已提交过核销申请',
  RECEIVABLE_NO_WRITE_OFF_REQUESTED: '没有待审批的核销申请',
  RECEIVABLE_WRITE_OFF_SAME_PERSON: '核销的申请人与审批人不能是同一人',
  RECEIVABLE_PROMISE_EXCEEDS_OUTSTANDING: '承诺付款金额超过未收余额',
  RECEIVABLE_PROMISE_BEFORE_FOLLOW_UP: '承诺付款日期早于跟进日期',
  RECEIVABLE_ALREADY_DISPUTED: '该应收账款已有争议',
  RECEIVABLE_NOT_DISPUTED: '该应收账款没有争议',
  RECEIVABLE_PAYMENT_BEFORE_ISSUE: '收款日期 {receivedOn} 早于发票开具日期 {issueDate}',
  RECEIVABLE_DATE_IN_FUTURE: '收款日期 {receivedOn} 晚于今天',
  COMPLAINT_NOT_FOUND: '投诉不存在',
  COMPLAINT_ALREADY_FILED: '该投诉编号已被使用',
  COMPLAINT_CUSTOMER_NOT_FOUND: '投诉的客户不存在',
  COMPLAINT_NOT_AUTHORIZED: '您无权处理该投诉',
  COMPLAINT_HANDLER_NOT_OBJECTIVE: '客户自己的销售专员不能处理其投诉（须保持客观）',
  COMPLAINT_NOT_ASSIGNED: '投诉尚未指派处理人',
  COMPLAINT_INVALID_TRANSITION: '投诉在当前状态下不能进行此操作',
  COMPLAINT_ROOT_CAUSE_REQUIRED: '须填写投诉的根本原因',
  COMPLAINT_RESOLUTION_REQUIRED: '须填写处理结果',
  COMPLAINT_COMPENSATION_NEEDS_MANAGER: '超过限额的赔偿须由经理批准',
  COMPLAINT_COMPENSATION_WITHIN_LIMIT: '该赔偿金额未超过限额，无需审批',
  COMPLAINT_COMPENSATION_ALREADY_REQUESTED: '已有一项赔偿申请在等待审批',
  COMPLAINT_COMPENSATION_ALREADY_APPROVED: '已有赔偿获批，请在批准金额内处理',
  COMPLAINT_NO_COMPENSATION_REQUESTED: '没有待审批的赔偿申请',
  COMPLAINT_COMPENSATION_SAME_PERSON: '赔偿申请须由申请人以外的人审批',
  COMPLAINT_APPROVER_NOT_AUTHORIZED: '只有该投诉所在区域的经理可以审批赔偿',
  COMPLAINT_COMPENSATION_ABOVE_APPROVED: '赔偿金额超过了批准的金额',
  COMPLAINT_COMPENSATION_CURRENCY_MISMATCH: '赔偿币种与批准的币种不同',
  COMPLAINT_REOPEN_WINDOW_EXPIRED: '已超过投诉可重新打开的期限',
  COMPLAINT_TIME_BEFORE_LAST_EVENT: '操作时间早于该投诉的最近一次记录',
  TARGET_NOT_AUTHORIZED: '您无权设定该销售目标',
  TARGET_ALREADY_SET: '该期间的销售目标已设定',
  TARGET_NOT_SET: '该期间尚未设定销售目标',
  TARGET_SPLIT_REP_REPEATED: '分解中同一销售专员出现了不止一次',
  TARGET_SPLIT_CURRENCY_MISMATCH: '分解的币种与区域目标的币种不一致',
  TARGET_SPLIT_SUM_MISMATCH: '各销售专员的目标之和不等于区域目标',
  FORBIDDEN_SCOPE: '该记录不在您的权限范围内，或不存在',
  ACTOR_NOT_REGISTERED: '在该业务日期，销售团队名册上没有您这一角色和区域的在职记录',
  REP_NOT_REGISTERED: '在该业务日期，{repId} 不是区域 {region} 在职的销售专员',
  TEAM_NOT_AUTHORIZED: '您无权对销售团队名册做此变更',
  TEAM_BOOTSTRAP_REQUIRED: '销售团队名册为空：第一条记录须是一位销售经理，由系统或该销售经理本人录入',
  TEAM_MEMBER_ALREADY_ACTIVE: '{memberId} 已在销售团队中',
  TEAM_MEMBER_NOT_ACTIVE: '{memberId} 不在销售团队中',
  TEAM_TRANSFER_NOT_APPLICABLE: '只有区域销售经理或销售专员可以调动，且只能调往另一个区域',
  TEAM_DATE_OUT_OF_ORDER: '日期 {on} 早于该成员最近一次变更的日期 {last}',
  TEAM_DATE_IN_FUTURE: '日期 {on} 晚于 {latest}',
  PERIOD_NOT_AUTHORIZED: '您无权对月份结账或反结账：结账由财务进行，反结账须由销售经理和财务各一人申请和批准',
  PERIOD_NOT_ENDED: '{month} 尚未结束，不能结账',
  PERIOD_NOT_CLOSED: '{month} 未结账',
  PERIOD_REOPENING_PENDING: '{month} 已有一项待批准的反结账申请',
  PERIOD_REOPENING_NOT_REQUESTED: '没有人申请对 {month} 反结账',
  PERIOD_SECOND_APPROVER_REQUIRED: '反结账须由另一角色（财务或销售经理）的另一人批准',
  PERIOD_CLOSED: '{month} 已结账，不能再记入该月',
  MONTHLY_REPORT_NOT_AUTHORIZED: '月度销售报告由本区域的区域销售经理提交，由销售部经理接受或退回',
  MONTHLY_REPORT_TOO_EARLY: '{month} 的月度报告须从 {from} 起提交',
  MONTHLY_REPORT_PENDING: '第 {submission, number} 次提交仍待销售部经理处理',
  MONTHLY_REPORT_ALREADY_ACCEPTED: '该月度报告已被接受，不能再提交',
  MONTHLY_REPORT_NOT_SUBMITTED: '{month} 没有待处理的月度报告',
  PRODUCT_NOT_AUTHORIZED: '您无权维护产品目录',
  PRODUCT_NOT_FOUND: '产品目录中没有该产品',
  PRODUCT_ALREADY_REGISTERED: '该产品编码已登记为其他产品，请改用修改',
  PRICELIST_NOT_AUTHORIZED: '您无权设定价格',
  PRICELIST_NOT_FOUND: '该价目表不存在',
  PRICELIST_ALREADY_CREATED: '该价目表编号已用于其他价目表',
  PRICELIST_ENDED: '价目表已于 {validTo} 截止，不能延长',
  PRICELIST_END_OUT_OF_RANGE: '价目表的截止日期不能早于生效日期 {validFrom}',
  PROMOTION_NOT_AUTHORIZED: '您无权起草、审批或终止该促销活动',
  PROMOTION_NOT_FOUND: '该促销活动不存在',
  PROMOTION_ALREADY_DRAFTED: '该促销活动编号已用于其他促销活动',
  PROMOTION_NOT_DRAFT: '该促销活动已撤回，不能审批',
  PROMOTION_END_OUT_OF_RANGE: '促销活动只能在其期间 {startsOn} 至 {endsOn} 内终止',
  CAMPAIGN_NOT_AUTHORIZED: '您无权策划或发起该满意度调查活动',
  CAMPAIGN_NOT_FOUND: '该满意度调查活动不存在',
  CAMPAIGN_ALREADY_PLANNED: '该调查活动编号已用于其他调查活动',
  CAMPAIGN_CLOSED: '该满意度调查活动已于 {closesOn} 截止',
  CAMPAIGN_POPULATION_EMPTY: '没有符合该调查活动条件的客户',
  CAMPAIGN_POPULATION_MISMATCH: '客户 {customerId} 不符合该调查活动的调查对象条件',
  CAMPAIGN_INVITATION_NOT_FOUND: '该调查邀请不存在',
  CAMPAIGN_NOT_OPEN: '该满意度调查活动只在 {opensOn} 至 {closesOn} 期间接受回答',
  WEBHOOK_ALREADY_SUBSCRIBED: '该编号的 Webhook 订阅已存在；请先取消，再用新编号订阅',
  WEBHOOK_NOT_FOUND: '该 Webhook 订阅不存在',
  COMMISSION_PLAN_NOT_AUTHORIZED: '只有销售部经理可以设定提成方案',
  COMMISSION_PLAN_NOT_FOUND: '该提成方案不存在',
  COMMISSION_PLAN_MONTH_PAST: '{month} 已开始或已过去：提成方案只能从当月起变更，不能改写过去',
  COMMISSION_PLAN_VERSION_LATER: '该提成方案已有从 {latest} 起生效的版本',
  COMMISSION_PLAN_ENDED: '该提成方案已从 {endsFrom} 起终止',
  COMMISSION_PLAN_OVERLAP: '提成方案 {otherPlanId} 已覆盖其中部分销售代表或区域',
  COMMISSION_STATEMENT_NOT_AUTHORIZED: '提成结算单由销售部经理审批，再由财务确认',
  COMMISSION_STATEMENT_TOO_EARLY: '{month} 的提成结算单须从 {from} 起审批',
  COMMISSION_STATEMENT_ALREADY_APPROVED: '{month} 的提成结算单已由 {approvedBy} 审批，数据已冻结',
  COMMISSION_STATEMENT_NOT_APPROVED: '{month} 的提成结算单尚待销售部经理审批',
  COMMISSION_STATEMENT_ALREADY_CONFIRMED: '{month} 的提成结算单已由财务确认',
  COMMISSION_STATEMENT_SAME_PERSON: '提成结算单须由审批人以外的另一人确认',
  FORECAST_NOT_AUTHORIZED: '销售预测由销售专员本人提交，由销售部经理或本区域的区域销售经理调整',
  FORECAST_REGION_REQUIRED: '须指定该销售预测所属的区域',
  FORECAST_MONTH_PAST: '{month} 已结束：只能预测当月或以后的月份',
  FORECAST_NOT_SUBMITTED: '{repId} 尚未提交 {month} 的销售预测',
  COMPETITION_ALREADY_EXISTS: '该编号的销售竞赛已存在',
  COMPETITION_PERIOD_OVER: '{period} 已于 {endsOn} 结束：销售竞赛只能为尚未结束的期间设立',
  COMPETITION_NOT_FOUND: '该销售竞赛不存在',
  COMPETITION_ALREADY_STARTED: '该销售竞赛已于 {startsOn} 开始，不能再取消',
  OPPORTUNITY_NOT_AUTHORIZED: '您无权处理商机',
  OPPORTUNITY_NOT_FOUND: '该商机不存在',
  OPPORTUNITY_ALREADY_OPENED: '该商机编号已用于其他商机',
  OPPORTUNITY_CUSTOMER_NOT_FOUND: '商机的客户不存在',
  OPPORTUNITY_CUSTOMER_INACTIVE: '商机的客户已停用',
  OPPORTUNITY_CLOSED: '该商机已结束（赢单或丢单），不能再变更',
  OPPORTUNITY_CLOSE_MONTH_PAST: '{month} 已结束：预计成交月份须为当月或以后',
  QUOTATION_ALREADY_SENT: '该报价单编号已用于其他报价',
  QUOTATION_NOT_FOUND: '该商机没有这张报价单',
  QUOTATION_EXPIRED: '报价单的有效期已于 {validUntil} 截止',
  QUOTATION_VALIDITY_PAST: '报价单的有效期 {validUntil} 已过',
  EVALUATION_NOT_AUTHORIZED: '绩效评估由销售专员所在区域的区域销售经理或销售部经理填写，仅由被评估的销售专员本人确认',
  EVALUATION_TOO_EARLY: '{quarter} 的绩效评估须从 {from} 起开始',
  EVALUATION_ALREADY_OPENED: '该销售专员 {quarter} 的绩效评估已经开始',
  EVALUATION_NOT_OPENED: '{quarter} 的绩效评估尚未开始',
  EVALUATION_FINALISED: '{quarter} 的绩效评估已定稿，不能再修改',
  EVALUATION_NOT_ASSESSED: '{quarter} 的绩效评估尚未填写评级，不能定稿',
  EVALUATION_REWARD_NEEDS_RATING: '奖金或表彰须评级 {needs, number} 或以上（本次评级 {rating, number}）',
  EVALUATION_WARNING_NEEDS_RATING: '警告只用于评级 {needs, number} 或以下（本次评级 {rating, number}）',
  EVALUATION_ACTIONS_REQUIRED: '评级为 {rating, number} 时须至少填写一项改进措施',
  EVALUATION_ACTION_DUE_PASSED: '改进措施的完成期限 {dueOn} 已过',
  EVALUATION_NOT_FINALISED: '{quarter} 的绩效评估尚未定稿，不能确认',
  EVALUATION_ALREADY_ACKNOWLEDGED: '{quarter} 的绩效评估已由本人确认',
  MARKET_NOT_AUTHORIZED: '市场规模估算由市场分析师或销售部经理录入',
  MARKET_RANGE_EXCLUDES_ESTIMATE: '置信区间 {low, number}–{high, number} 须包含估算值 {amount, number}',
  COMPETITOR_NOT_AUTHORIZED: '竞争对手价格由市场分析师或销售部经理录入',
  COMPETITOR_OBSERVED_IN_FUTURE: '观察日期 {observedOn} 不能晚于业务日期',
  COMPETITOR_OBSERVATION_TAKEN: '观察记录 {observationId} 已以其他内容录入，请使用新的编号',
  ACTION_NOT_AUTHORIZED: '只有销售部经理和区域经理可以立项或更新改进措施',
  ACTION_NOT_FOUND: '该改进措施不存在',
  ACTION_ALREADY_OPENED: '该改进措施编号已用于其他改进措施',
  ACTION_TRANSITION_NOT_ALLOWED: '改进措施不能从“{from}”改为“{to}”',
};

/** Whether `code` is a domain refusal's, i.e. has a line in {@link DOMAIN_ERROR_MESSAGES_ZH}. */
export const isDomainErrorCode = (code: string): code is DomainErrorCode =>
  Object.hasOwn(DOMAIN_ERROR_MESSAGES_ZH, code);

/** The values a message may name: a refusal's plain `details` (texts and numbers; lists joined with 、). */
export function messageValues(details: Readonly<Record<string, unknown>> | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.join('、');
  }
  return values;
}
