import { cliLocale } from '../i18n/messages.js';

/**
 * The Chinese column headers `salesbook import` accepts beside the English ones (a Chinese ERP's export), one
 * per column of orders.csv, payments.csv and the product catalogue; `order_id` and `currency` are the same word in both files.
 */
export const CHINESE_HEADERS: Readonly<Record<string, string>> = {
  order_id: '订单号',
  order_date: '订单日期',
  customer_id: '客户编号',
  customer_name: '客户名称',
  segment: '客户类型',
  region: '区域',
  rep_id: '销售专员编号',
  currency: '币种',
  sku: '产品编号',
  product_name: '产品名称',
  quantity: '数量',
  unit_price: '单价',
  discount_pct: '折扣率',
  ship_date: '发货日期',
  delivered_date: '交付日期',
  promised_date: '承诺交付日期',
  payment_id: '回款编号',
  received_date: '回款日期',
  amount: '回款金额',
  category: '产品类别',
  unit: '单位',
  standard_cost: '标准成本',
  cost_effective_from: '成本生效日期',
};

const ENGLISH_OF = new Map(Object.entries(CHINESE_HEADERS).map(([english, chinese]) => [chinese, english]));

/** The column a header cell names: a Chinese header as its English column, any other text as it is. */
export const columnOf = (header: string): string => ENGLISH_OF.get(header) ?? header;

/** How a message names a column: its Chinese header for a Chinese-speaking operator, else its English name. */
export const columnLabel = (column: string): string =>
  cliLocale() === 'zh-CN' ? (CHINESE_HEADERS[column] ?? column) : column;
