/**
 * Which string fields of each event hold personal data (docs/data-protection.md), and whose they are.
 * The one place that says so: the encrypting codec seals these fields, masking hides them, and a
 * test walks every event schema so that a new string field fails until it is classified here.
 */

/** Where the owner of an event's personal data is found. */
export type PersonalDataOwner =
  /** `data[field]` is the customer id. */
  | { readonly customerField: string }
  /** `data[field]` names a subject (`<category>-<id>`) linked to its customer by an earlier event. */
  | { readonly subjectCategory: string; readonly subjectField: string };

/** The classification of one event type's string fields, at the schema version it was written against. */
export interface EventFieldClassification {
  /** The schema version these paths belong to (the registry's current version). */
  readonly version: number;
  /** Dot paths of string fields holding personal data: sealed with the owner's data key. */
  readonly personal: readonly string[];
  /** Every other string field (ids, dates, vocabularies, business text); arrays as `lines[].sku`. */
  readonly other: readonly string[];
  /** Whose personal data it is; required when `personal` is not empty. */
  readonly owner?: PersonalDataOwner;
  /** A subject this event ties to its customer (`<category>-<data[field]>` -> `data.customerId`). */
  readonly links?: { readonly subjectCategory: string; readonly subjectField: string };
}

const words = (text: string): readonly string[] => text.split(/\s+/).filter((word) => word.length > 0);
const byCustomer: PersonalDataOwner = { customerField: 'customerId' };
const byComplaint: PersonalDataOwner = { subjectCategory: 'complaint', subjectField: 'complaintId' };
const CONTACT = ['contact.name', 'contact.phone', 'contact.email'];
const RECEIVABLE = 'receivableId orderId customerId repId region currency';
const ORDER = 'orderId customerId repId region currency';
/** The string fields of order lines under `path` (a list's id and a promotion's id when a list priced the line). */
const LINES = (path: string): string =>
  ['lineId', 'sku', 'description', 'pricing.priceListId', 'pricing.promotionId']
    .map((field) => `${path}[].${field}`)
    .join(' ');

const classify = (personal: readonly string[], other: string, owner?: PersonalDataOwner): EventFieldClassification => ({
  version: 1,
  personal,
  other: words(other),
  ...(owner ? { owner } : {}),
});

/**
 * Every event type's string fields, personal or not. Personal: the contact person, survey comments, what was done on a detractor's follow-up,
 * complaint texts, collection follow-up notes and dispute texts (free text about a customer's affairs).
 * Not personal: company names and profiles (businesses, not people), product descriptions, and the
 * business reasons staff give for orders, write-offs, credit notes, targets and erasure itself.
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, EventFieldClassification>> = {
  CustomerRegistered: {
    ...classify(
      CONTACT,
      'customerId companyName region segment ownerRepId size businessScope purchasingHabits registeredAt',
      byCustomer,
    ),
    version: 2,
  },
  CustomerProfileUpdated: classify(
    [],
    'customerId size businessScope purchasingHabits segment changedFields[] reviewedBy reviewedAt',
  ),
  CustomerContactChanged: classify(CONTACT, 'customerId changedAt', byCustomer),
  CustomerReassigned: classify([], 'customerId fromRepId toRepId fromRegion toRegion reassignedBy reassignedAt'),
  CustomerCreditLimitSet: classify([], 'customerId creditLimit.currency previousCreditLimit.currency setBy setAt'),
  SatisfactionSurveyRecorded: classify(
    ['comment'],
    'customerId surveyId period region ownerRepId segment respondedAt campaignId invitationId channel',
    byCustomer,
  ),
  CustomerPersonalDataForgotten: classify([], 'customerId erasedFields[] reason forgottenBy forgottenAt'),
  CustomerDeactivated: classify([], 'customerId reason deactivatedBy deactivatedAt'),
  DetractorFollowUpOpened: classify([], 'customerId surveyId region ownerRepId segment openedAt'),
  DetractorFollowUpClosed: classify(['actionTaken'], 'customerId surveyId closedBy closedAt', byCustomer),

  OrderPlaced: classify([], `${ORDER} ${LINES('lines')} paymentTerms.kind promisedDeliveryDate placedAt`),
  OrderDiscountApproved: classify([], 'orderId approvedBy approverRole approvedAt'),
  OrderConfirmed: classify(
    [],
    `${ORDER} segment ${LINES('lines')} paymentTerms.kind promisedDeliveryDate creditCheck.creditLimit.currency confirmedAt`,
  ),
  OrderAmended: classify(
    [],
    `${ORDER} ${LINES('linesBefore')} ${LINES('linesAfter')} ` +
      'promisedDeliveryDateBefore promisedDeliveryDateAfter customerConfirmationRef reason amendedAt',
  ),
  OrderCancelled: classify([], `${ORDER} reason cancelledAt`),
  OrderShipmentRecorded: classify([], `${ORDER} shipmentId lines[].lineId lines[].sku shippedOn postedOn recordedAt`),
  OrderDelivered: classify([], `${ORDER} paymentTerms.kind promisedDeliveryDate deliveredOn postedOn`),
  OrderClosed: classify([], `${ORDER} lines[].lineId lines[].sku reason closedAt`),

  ReceivableOpened: classify([], `${RECEIVABLE} issueDate dueDate installments[].dueDate openedAt`),
  PaymentReceived: classify([], `${RECEIVABLE} paymentId method receivedOn postedOn allocations[].dueDate recordedAt`),
  PaymentReversed: classify(
    [],
    `${RECEIVABLE} paymentId reason receivedOn reversedOn postedOn allocations[].dueDate recordedAt`,
  ),
  CreditNoteIssued: classify(
    [],
    `${RECEIVABLE} creditNoteId reason creditedOn postedOn allocations[].dueDate issuedBy issuedAt`,
  ),
  WriteOffRequested: classify([], `${RECEIVABLE} reason requestedBy requesterRole requestedAt`),
  ReceivableWrittenOff: classify(
    [],
    `${RECEIVABLE} reason requestedBy approvedBy approverRole writtenOffOn postedOn allocations[].dueDate approvedAt`,
  ),
  ReceivableSettled: classify([], `${RECEIVABLE} dueDate settledOn`),
  CollectionFollowUpLogged: classify(
    ['note'],
    `${RECEIVABLE} channel promiseToPay.date loggedOn loggedBy loggedAt`,
    byCustomer,
  ),
  ReceivableDisputed: classify(['reason'], `${RECEIVABLE} disputedBy disputedAt`, byCustomer),
  ReceivableDisputeResolved: classify(['resolution'], `${RECEIVABLE} disputedAt resolvedBy resolvedAt`, byCustomer),

  ComplaintFiled: {
    ...classify(
      ['description'],
      'complaintId customerId orderId channel category severity ownerRepId region filedBy filedAt',
      byCustomer,
    ),
    links: { subjectCategory: 'complaint', subjectField: 'complaintId' },
  },
  ComplaintAssigned: classify([], 'complaintId handlerId previousHandlerId assignedBy assignedAt'),
  ComplaintAcknowledged: classify([], 'complaintId handlerId acknowledgedBy acknowledgedAt'),
  ComplaintInvestigationRecorded: classify(['findings'], 'complaintId rootCause recordedBy recordedAt', byComplaint),
  ComplaintAwaitingCustomer: classify(['note'], 'complaintId pausedBy pausedAt', byComplaint),
  ComplaintCustomerResponded: classify(['note'], 'complaintId recordedBy pausedAt resumedAt', byComplaint),
  ComplaintEscalated: classify(['reason'], 'complaintId escalatedTo escalatedBy escalatedAt', byComplaint),
  ComplaintResolved: classify(
    ['resolution'],
    'complaintId rootCause compensation.currency resolvedBy resolverRole resolvedAt',
    byComplaint,
  ),
  ComplaintClosed: classify([], 'complaintId ownerRepId region closedBy closedAt'),
  ComplaintReopened: classify(['reason'], 'complaintId closedAt reopenedBy reopenedAt', byComplaint),
  ComplaintCompensationRequested: classify(
    ['reason'],
    'complaintId currency region requestedBy requesterRole requestedAt',
    byComplaint,
  ),
  ComplaintCompensationApproved: classify([], 'complaintId currency requestedBy approvedBy approverRole approvedAt'),
  ComplaintCompensationRejected: classify(
    ['reason'],
    'complaintId currency requestedBy rejectedBy rejecterRole rejectedAt',
    byComplaint,
  ),

  SalesTargetSet: { ...classify([], 'period measure scope scopeId region currency setBy setAt'), version: 2 },
  SalesTargetRevised: {
    ...classify([], 'period measure scope scopeId region currency reason revisedBy revisedAt'),
    version: 2,
  },
  SalesTargetSplit: classify([], 'period measure scope scopeId region currency parts[].repId splitBy splitAt'),
  // The team register names staff by their ids, roles and regions: no customer's personal data.
  TeamMemberJoined: classify([], 'memberId role region managerId joinedOn recordedBy recordedAt'),
  TeamMemberTransferred: classify([], 'memberId fromRegion toRegion managerId transferredOn recordedBy recordedAt'),
  TeamMemberLeft: classify([], 'memberId leftOn recordedBy recordedAt'),
  // Period closes and submitted monthly reports are about months and regions, written by staff: no customer's personal data.
  PeriodClosed: classify([], 'month closedBy closedAt'),
  PeriodReopeningRequested: classify([], 'month reason requestedBy requesterRole requestedAt'),
  PeriodReopened: classify([], 'month reason requestedBy approvedBy approverRole reopenedAt'),
  MonthlyReportSubmitted: classify(
    [],
    'month region commentary figures.sales figures.collections figures.plan figures.position submittedBy submittedAt',
  ),
  MonthlyReportAccepted: classify([], 'month region acceptedBy acceptedAt'),
  MonthlyReportReturned: classify([], 'month region reason returnedBy returnedAt'),
  // The catalogue, price lists and promotions are the company's own terms, named by staff ids: no personal data.
  ProductRegistered: classify([], 'sku name category unit registeredBy registeredAt'),
  ProductRevised: classify([], 'sku name category unit revisedBy revisedAt'),
  StandardCostSet: classify([], 'sku currency effectiveFrom setBy setAt'),
  ProductDeactivated: classify([], 'sku deactivatedBy deactivatedAt'),
  ProductReactivated: classify([], 'sku reactivatedBy reactivatedAt'),
  PriceListCreated: classify(
    [],
    'priceListId name currency audience.level audience.segment audience.region audience.customerId validFrom validTo createdBy createdAt',
  ),
  ListPricesSet: classify([], 'priceListId prices[].sku setBy setAt'),
  ListPriceRemoved: classify([], 'priceListId sku removedBy removedAt'),
  PriceListEnded: classify([], 'priceListId validTo previousValidTo endedBy endedAt'),
  PromotionDrafted: classify(
    [],
    'promotionId name currency startsOn endsOn coverage.skus[] coverage.categories[] coverage.segments[] coverage.regions[] benefit.kind draftedBy drafterRole draftedAt',
  ),
  PromotionApproved: classify([], 'promotionId approvedBy approvedAt'),
  PromotionEnded: classify([], 'promotionId endsOn previousEndsOn reason endedBy endedAt'),
  // A survey campaign is the department's plan and whom it invited, by customer, region and staff ids: no personal data (answers are on the customer's stream).
  SurveyCampaignPlanned: classify(
    [],
    'campaignId name period population.segments[] population.regions[] sample.kind questions[] opensOn closesOn plannedBy plannerRole plannedAt',
  ),
  SurveyCampaignLaunched: classify([], 'campaignId launchedBy launchedAt'),
  SurveyInvitationIssued: classify([], 'campaignId invitationId customerId region segment ownerRepId issuedAt'),
  // A webhook subscription is a manager's configuration: a URL of a system, alert kinds, staff ids; no customer's data.
  WebhookSubscribed: classify([], 'subscriptionId url kinds[] region subscribedBy subscribedAt'),
  WebhookSubscriptionCancelled: classify([], 'subscriptionId cancelledBy cancelledAt'),
  // A commission plan is the department's pay policy: a plan name, staff and region ids, rates; no customer's data.
  CommissionPlanVersionSet: classify([], 'planId effectiveFrom name covers.kind covers.ids[] currency setBy setAt'),
  CommissionPlanEnded: classify([], 'planId from endedBy endedAt'),
  // An approved statement holds staff and region ids and amounts per rep: pay figures, no customer's data.
  CommissionStatementApproved: classify(
    [],
    'month figures.rows[].repId figures.rows[].region figures.rows[].planId figures.rows[].currency figures.included[].stream figures.position approvedBy approvedAt',
  ),
  CommissionStatementConfirmed: classify([], 'month confirmedBy confirmedAt'),
  // A forecast is a rep's own numbers of a month and a manager's reason for changing them: staff and region ids, no customer's data.
  ForecastSubmitted: classify([], 'repId region month currency submittedBy submittedAt'),
  ForecastAdjusted: classify([], 'repId region month currency reason adjustedBy adjustedAt'),
  // A competition is the department's announcement to its reps: a name, a prize, a region, staff ids; no customer's data.
  CompetitionCreated: classify([], 'competitionId name period metric scope prize startsOn endsOn createdBy createdAt'),
  CompetitionCancelled: classify([], 'competitionId reason cancelledBy cancelledAt'),
  // Opportunities and quotations are the company's deals: ids, a title and lines as an order's, no contact's data.
  OpportunityOpened: classify(
    [],
    'opportunityId customerId repId region segment title currency expectedCloseMonth stage openedBy openedAt',
  ),
  OpportunityRevised: classify([], 'opportunityId expectedCloseMonth revisedBy revisedAt'),
  OpportunityStageMoved: classify([], 'opportunityId from to movedBy movedAt'),
  OpportunityLost: classify([], 'opportunityId from reason note lostBy lostAt'),
  QuotationSent: classify(
    [],
    `opportunityId quotationId currency ${LINES('lines')} validUntil promisedDeliveryDate paymentTerms.kind sentBy sentAt`,
  ),
  QuotationAccepted: classify([], 'opportunityId quotationId orderId acceptedOn acceptedBy acceptedAt'),
  OpportunityWon: classify([], 'opportunityId quotationId orderId from wonBy wonAt'),
  // Strengths, comments and notes judge an employee: personal data of the rep in law, but not a customer's, which is all
  // this map seals (with the customer's key, destroyed on erasure). An evaluation is an employment record the company must
  // keep; the access rules protect it (the rep, their managers, auditors), and staff must not write customers' data in it.
  EvaluationOpened: classify([], 'repId quarter region snapshot.scorecards snapshot.position openedBy openedAt'),
  EvaluationAssessed: classify(
    [],
    'repId quarter strengths comments actions[].action actions[].dueOn outcomes[].kind outcomes[].currency outcomes[].note assessedBy assessedAt',
  ),
  EvaluationFinalised: classify([], 'repId quarter finalisedBy finalisedAt'),
  EvaluationAcknowledged: classify([], 'repId quarter comment acknowledgedAt'),
  // Market research is about markets and competitors (companies): regions, segments, figures and sources; the note of an
  // observation says where a price was seen and must not name a person (the analysts' rule in the competitor README).
  MarketSizeEstimated: classify([], 'region segment period currency source estimatedBy estimatedAt'),
  CompetitorPriceObserved: classify(
    [],
    'observationId competitor sku category currency unit observedOn source note recordedBy recordedAt',
  ),
  // An improvement action works on a department's process, found in a figure over many answers or complaints: its
  // title and notes are about that work, not about a customer, and staff must not write customers' data in them.
  ImprovementActionOpened: classify(
    [],
    'actionId title finding.report finding.metric finding.rootCause finding.group.by finding.group.value finding.period.from finding.period.to department ownerId dueOn region openedBy openerRole openedAt',
  ),
  ImprovementActionStatusChanged: classify([], 'actionId from to note changedBy changedAt'),
};

/** The personal field paths of `type` (none for a type that holds no personal data or is unknown). */
export const personalFieldsOf = (type: string): readonly string[] => PERSONAL_DATA_FIELDS[type]?.personal ?? [];
