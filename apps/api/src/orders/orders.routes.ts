import { orderCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute, MANAGERS, SALES } from '../commands/command-route.js';

const route = (path: string, type: keyof typeof schemas, audience: typeof SALES, summary: string) =>
  commandRoute({ path, type, schema: schemas[type], audience, summary, tag: 'orders', aggregate: 'order', ...(path.includes(':id') ? { idField: 'orderId' } : {}) });

/** The Order command routes (stream `order-<id>`). */
export const orderRoutes = {
  place: route('/orders', 'PlaceOrder', SALES, 'Place an order'),
  approveDiscount: route('/orders/:id/discount-approval', 'ApproveDiscount', MANAGERS, 'Approve line discounts above the placing rep\'s limit (managers)'),
  confirm: route('/orders/:id/confirmation', 'ConfirmOrder', SALES, 'Confirm (book) the order after the customer and credit checks'),
  amend: route('/orders/:id/amendments', 'AmendOrder', SALES, 'Amend lines or the promised date'),
  ship: route('/orders/:id/shipments', 'RecordShipment', SALES, 'Record a (partial) shipment'),
  deliver: route('/orders/:id/delivery', 'ConfirmDelivery', SALES, 'Confirm delivery'),
  cancel: route('/orders/:id/cancellation', 'CancelOrder', SALES, 'Cancel the order before its first shipment'),
  close: route('/orders/:id/closure', 'CloseOrder', SALES, 'Short-close the unshipped rest'),
} as const;
