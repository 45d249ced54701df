import type { Random } from './random.js';

const FIRST = ['Hua', 'Jin', 'Tian', 'Xin', 'Long', 'Da', 'Zhong', 'Hong', 'Feng', 'Ming', 'Rui', 'Sheng'];
const SECOND = ['tech', 'tong', 'sheng', 'xing', 'yuan', 'hai', 'shan', 'da', 'fu', 'cheng'];
const TRADE = [
  'Manufacturing',
  'Trading',
  'Logistics',
  'Electronics',
  'Foods',
  'Materials',
  'Machinery',
  'Energy',
  'Chemicals',
  'Textiles',
];
const GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Qiang', 'Yan', 'Jun', 'Hui', 'Tao', 'Li'];
const FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun'];

/** A company name such as "Huatech Machinery Co., Ltd." (not unique: the id is). */
export const companyName = (random: Random): string =>
  `${random.pick(FIRST)}${random.pick(SECOND)} ${random.pick(TRADE)} Co., Ltd.`;

/** A contact person with a phone and an e-mail address under the reserved `example.com` domain. */
export function contactFor(random: Random, customerId: string): { name: string; phone: string; email: string } {
  const given = random.pick(GIVEN);
  const family = random.pick(FAMILY);
  const phone = `+86 1${random.int(30, 89)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
  return { name: `${given} ${family}`, phone, email: `${given}.${family}@${customerId}.example.com`.toLowerCase() };
}

/** Free texts the scenarios pick from (no personal data beyond what a contact field holds). */
export const TEXTS = {
  businessScope: [
    'Process equipment for the chemical industry',
    'Food processing lines',
    'Building services',
    'Water treatment plants',
    'Mining equipment',
  ],
  purchasingHabits: [
    'Monthly framework orders',
    'Project-based purchases',
    'Quarterly stock replenishment',
    'Tenders above CNY 500k',
  ],
  cancelReasons: [
    'Customer withdrew the order',
    'Project postponed by the customer',
    'Ordered twice by mistake',
    'Customer found a cheaper supplier',
  ],
  amendReasons: [
    'Customer changed the quantities',
    'Customer asked for a later delivery',
    'Additional units for the same project',
  ],
  closeReasons: ['Remaining units discontinued', 'Customer accepts the partial delivery'],
  followUpNotes: [
    'Reminder call to accounts payable',
    'Sent a statement of account',
    'Visited the finance department',
    'Payment reminder by e-mail',
  ],
  creditReasons: [
    'Damaged goods on arrival',
    'Price correction agreed with the customer',
    'Volume rebate',
    'Late delivery penalty',
  ],
  disputeReasons: [
    'Customer disputes the quantities invoiced',
    'Customer disputes the unit price',
    'Goods not received in full',
  ],
  resolutions: [
    'Quantities confirmed with the delivery note',
    'Price confirmed against the contract',
    'Credit note agreed',
  ],
  complaintDescriptions: {
    product_quality: 'Units failed during commissioning',
    delivery: 'The delivery arrived after the promised date',
    billing: 'The invoice does not match the order',
    service: 'Nobody returned the customer’s calls',
    other: 'General dissatisfaction with the account handling',
  },
  findings: [
    'Batch defect confirmed by the quality team',
    'Carrier delay at the regional hub',
    'Invoice raised from an outdated price list',
    'Handover between reps was missed',
  ],
  complaintResolutions: [
    'Replacement units shipped',
    'Apology and revised delivery schedule',
    'Invoice corrected',
    'New account contact assigned',
    'Technician visit on site',
  ],
  followUpActions: [
    'Called back; apologised and agreed a delivery plan',
    'Visited the customer with the service lead',
    'Called back; credit note offered for the late delivery',
    'Called back; arranged a technician visit',
  ],
  surveyComments: [
    'Reliable supplier',
    'Deliveries could be faster',
    'Prices are high compared to competitors',
    'Very helpful sales team',
    'Quality has improved',
  ],
} as const;
