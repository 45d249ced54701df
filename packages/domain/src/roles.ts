import type { ComplaintCommand } from './complaint/commands.js';
import type { CustomerCommand } from './customer/commands.js';
import { PRICING_ROLES } from './pricelist/access.js';
import type { PriceListCommand } from './pricelist/commands.js';
import { CATALOGUE_ROLES } from './product/access.js';
import { PROMOTION_APPROVERS, PROMOTION_ROLES } from './promotion/access.js';
import type { PromotionCommand } from './promotion/commands.js';
import type { ProductCommand } from './product/commands.js';
import type { OrderCommand } from './order/commands.js';
import type { ReceivableCommand } from './receivable/commands.js';
import type { Role } from './shared/actors.js';
import type { CommissionStatementCommand } from './commission-statement/commands.js';
import type { MonthlyReportCommand } from './monthly-report/commands.js';
import type { PeriodCommand } from './period/commands.js';
import type { TargetCommand } from './target/commands.js';
import type { TeamCommand } from './team/commands.js';
import type { WebhookCommand } from './webhook/commands.js';
import { COMMISSION_PLAN_ROLES } from './commission/access.js';
import type { CommissionPlanCommand } from './commission/commands.js';
import { CAMPAIGN_LAUNCHERS, CAMPAIGN_PLANNERS } from './survey-campaign/access.js';
import type { SurveyCampaignCommand } from './survey-campaign/commands.js';
import { FORECAST_ADJUSTERS, FORECAST_SUBMITTERS } from './forecast/access.js';
import type { ForecastCommand } from './forecast/commands.js';
import type { CompetitionCommand } from './competition/commands.js';
import { OPPORTUNITY_ROLES } from './opportunity/access.js';
import type { OpportunityCommand } from './opportunity/commands.js';
import type { EvaluationCommand } from './evaluation/commands.js';
import { MARKET_RESEARCH_ROLES } from './market/access.js';
import type { MarketCommand } from './market/commands.js';
import type { CompetitorCommand } from './competitor/commands.js';
import { ACTION_MANAGERS } from './improvement-action/access.js';
import type { ImprovementActionCommand } from './improvement-action/commands.js';

/** Every command Salesbook decides, of every aggregate. */
export type SalesbookCommand =
  | CustomerCommand
  | OrderCommand
  | ReceivableCommand
  | ComplaintCommand
  | TargetCommand
  | TeamCommand
  | PeriodCommand
  | MonthlyReportCommand
  | ProductCommand
  | PriceListCommand
  | PromotionCommand
  | WebhookCommand
  | CommissionPlanCommand
  | CommissionStatementCommand
  | CompetitionCommand
  | ForecastCommand
  | SurveyCampaignCommand
  | EvaluationCommand
  | MarketCommand
  | CompetitorCommand
  | OpportunityCommand
  | OpportunityCommand
  | ImprovementActionCommand;

/** People who sell: reps, both kinds of manager, and the system (imports). */
export const SALES_ROLES: readonly Role[] = ['sales_manager', 'regional_manager', 'sales_rep', 'system'];
/** Managers, and the system (imports). */
export const MANAGER_ROLES: readonly Role[] = ['sales_manager', 'regional_manager', 'system'];
/** Finance, and the system (the order policy, imports). */
export const FINANCE_ROLES: readonly Role[] = ['finance', 'system'];
const FINANCE_AND_MANAGERS: readonly Role[] = ['finance', 'sales_manager', 'regional_manager', 'system'];
/** Reopening a closed month takes a sales manager and finance: one asks, the other approves. */
const PERIOD_REOPENERS: readonly Role[] = ['finance', 'sales_manager'];
/** A rep's evaluation is their managers' to write: the regional manager of their region, or a sales manager. */
const EVALUATORS: readonly Role[] = ['sales_manager', 'regional_manager'];
const COLLECTORS: readonly Role[] = ['finance', 'sales_manager', 'regional_manager', 'sales_rep', 'system'];

/**
 * The role matrix: which roles may send each command. The API refuses any other role with 403 before
 * anything is read; the deciders then check the finer rules (a rep's own customers, a manager's region).
 */
export const COMMAND_ROLES = {
  RegisterCustomer: SALES_ROLES,
  UpdateCustomerProfile: SALES_ROLES,
  ChangeCustomerContact: SALES_ROLES,
  ReassignCustomer: MANAGER_ROLES,
  SetCreditLimit: MANAGER_ROLES,
  RecordSatisfactionSurvey: SALES_ROLES,
  CloseDetractorFollowUp: SALES_ROLES,
  // The system records an answer given through a campaign's link; people record one taken by phone.
  RecordCampaignAnswer: SALES_ROLES,
  ForgetCustomerPersonalData: MANAGER_ROLES,
  DeactivateCustomer: MANAGER_ROLES,
  PlaceOrder: SALES_ROLES,
  ApproveDiscount: MANAGER_ROLES,
  ConfirmOrder: SALES_ROLES,
  AmendOrder: SALES_ROLES,
  RecordShipment: SALES_ROLES,
  ConfirmDelivery: SALES_ROLES,
  CancelOrder: SALES_ROLES,
  CloseOrder: SALES_ROLES,
  OpenReceivable: FINANCE_ROLES,
  RecordPayment: FINANCE_ROLES,
  ReversePayment: FINANCE_ROLES,
  IssueCreditNote: FINANCE_ROLES,
  RequestWriteOff: FINANCE_AND_MANAGERS,
  ApproveWriteOff: MANAGER_ROLES,
  LogCollectionFollowUp: COLLECTORS,
  DisputeReceivable: COLLECTORS,
  ResolveDispute: FINANCE_AND_MANAGERS,
  FileComplaint: SALES_ROLES,
  AssignComplaint: MANAGER_ROLES,
  AcknowledgeComplaint: SALES_ROLES,
  RecordInvestigation: SALES_ROLES,
  AwaitCustomer: SALES_ROLES,
  RecordCustomerResponse: SALES_ROLES,
  EscalateComplaint: SALES_ROLES,
  ResolveComplaint: SALES_ROLES,
  RequestCompensationApproval: SALES_ROLES,
  ApproveCompensation: MANAGER_ROLES,
  RejectCompensation: MANAGER_ROLES,
  CloseComplaint: SALES_ROLES,
  ReopenComplaint: SALES_ROLES,
  SetSalesTarget: MANAGER_ROLES,
  ReviseSalesTarget: MANAGER_ROLES,
  SplitSalesTarget: MANAGER_ROLES,
  JoinTeam: MANAGER_ROLES,
  TransferTeamMember: MANAGER_ROLES,
  LeaveTeam: MANAGER_ROLES,
  ClosePeriod: FINANCE_ROLES,
  RequestPeriodReopening: PERIOD_REOPENERS,
  ApprovePeriodReopening: PERIOD_REOPENERS,
  SubmitMonthlyReport: ['regional_manager'],
  AcceptMonthlyReport: ['sales_manager'],
  ReturnMonthlyReport: ['sales_manager'],
  RegisterProduct: CATALOGUE_ROLES,
  ReviseProduct: CATALOGUE_ROLES,
  SetStandardCost: CATALOGUE_ROLES,
  DeactivateProduct: CATALOGUE_ROLES,
  ReactivateProduct: CATALOGUE_ROLES,
  CreatePriceList: PRICING_ROLES,
  SetListPrices: PRICING_ROLES,
  RemoveListPrice: PRICING_ROLES,
  EndPriceList: PRICING_ROLES,
  DraftPromotion: PROMOTION_ROLES,
  ApprovePromotion: PROMOTION_APPROVERS,
  EndPromotion: PROMOTION_ROLES,
  // Webhooks carry every region's alerts out of the system: the sales manager decides where.
  SubscribeWebhook: ['sales_manager', 'system'],
  CancelWebhookSubscription: ['sales_manager', 'system'],
  SetCommissionPlan: COMMISSION_PLAN_ROLES,
  EndCommissionPlan: COMMISSION_PLAN_ROLES,
  ApproveCommissionStatement: ['sales_manager'],
  ConfirmCommissionStatement: ['finance'],
  PlanSurveyCampaign: CAMPAIGN_PLANNERS,
  LaunchSurveyCampaign: CAMPAIGN_LAUNCHERS,
  SubmitForecast: FORECAST_SUBMITTERS,
  AdjustForecast: FORECAST_ADJUSTERS,
  CreateCompetition: ['sales_manager', 'system'],
  CancelCompetition: ['sales_manager', 'system'],
  OpenOpportunity: OPPORTUNITY_ROLES,
  ReviseOpportunity: OPPORTUNITY_ROLES,
  MoveOpportunityStage: OPPORTUNITY_ROLES,
  LoseOpportunity: OPPORTUNITY_ROLES,
  SendQuotation: OPPORTUNITY_ROLES,
  AcceptQuotation: OPPORTUNITY_ROLES,
  OpenEvaluation: EVALUATORS,
  AssessEvaluation: EVALUATORS,
  FinaliseEvaluation: EVALUATORS,
  AcknowledgeEvaluation: ['sales_rep'],
  RecordMarketEstimate: MARKET_RESEARCH_ROLES,
  RecordCompetitorPrice: MARKET_RESEARCH_ROLES,
  OpenImprovementAction: ACTION_MANAGERS,
  ChangeImprovementActionStatus: ACTION_MANAGERS,
} as const satisfies Record<SalesbookCommand['type'], readonly Role[]>;

const REPORT_READERS: readonly Role[] = [
  'sales_manager',
  'regional_manager',
  'sales_rep',
  'market_analyst',
  'auditor',
  'system',
];

/**
 * Who may read what. No read model holds personal data, so analysts read the reports; finance reads
 * collections, commissions, the pipeline and the forecasts. Audit reads are for everyone but analysts; which
 * streams and how much of them each role sees is the audit access rule's (masked for auditors and the system, a
 * rep their own customers).
 */
export const READ_ROLES = {
  reports: REPORT_READERS,
  collections: [...REPORT_READERS, 'finance'],
  /**
   * The pipeline, the reps' forecasts and the forecast reports: every report reader and finance, who plans cash on
   * what the deals and forecasts say will be booked.
   */
  pipeline: [...REPORT_READERS, 'finance'],
  /** A scorecard evaluates one person: managers, the rep, auditors; not analysts or finance. */
  repScorecard: ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  audit: ['auditor', 'sales_manager', 'regional_manager', 'sales_rep', 'finance', 'system'],
  /** The read log holds ids and times, no personal data. */
  personalDataReads: ['sales_manager', 'auditor'],
  projectionStatus: ['sales_manager', 'auditor', 'system'],
  /** Submitted monthly reports: managers (a regional manager their region's), analysts, auditors; a rep's figures are in the reports. */
  monthlyReports: ['sales_manager', 'regional_manager', 'market_analyst', 'auditor', 'system'],
  /** The supervision report evaluates people as a scorecard does: managers, reps (their own), auditors. */
  supervision: ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  /** Alerts name the work waiting on someone: the sales roles (a rep their own, a regional manager their region). */
  alerts: ['sales_manager', 'regional_manager', 'sales_rep', 'system'],
  /** Commission statements are pay: managers (a regional manager their region), the rep their own, finance who pays, auditors. */
  commissions: ['sales_manager', 'regional_manager', 'sales_rep', 'finance', 'auditor', 'system'],
  /** Evaluations judge a person: the rep their own, managers their scope, auditors; not analysts or finance. */
  evaluations: ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  /**
   * Market share sets a region's booked sales against its market: managers (a regional manager their region), analysts,
   * auditors; not reps, who see no region's totals elsewhere either. Competitor prices are every report reader's.
   */
  marketShare: ['sales_manager', 'regional_manager', 'market_analyst', 'auditor', 'system'],
  /** Improvement actions are the department's follow-through: managers (a regional manager their region's), analysts who find the figures, auditors; a rep the actions they own. */
  improvementActions: ['sales_manager', 'regional_manager', 'sales_rep', 'market_analyst', 'auditor', 'system'],
} as const satisfies Record<string, readonly Role[]>;

/** Who may do what on a receivable, checked by its decider: finance moves money, managers approve write-offs, reps chase their own. */
export const RECEIVABLE_ACT_ROLES = {
  open: ['finance', 'system', 'sales_manager', 'regional_manager'],
  money: ['finance', 'system'],
  requestWriteOff: ['finance', 'sales_rep', 'regional_manager', 'sales_manager'],
  approveWriteOff: ['regional_manager', 'sales_manager'],
  collect: ['finance', 'system', 'sales_rep', 'regional_manager', 'sales_manager'],
} as const satisfies Record<string, readonly Role[]>;
