import type { z } from 'zod';
import { orderCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) =>
  commandRoute({
    path,
    type,
    schema,
    summary,
    tag: 'orders',
    aggregate: 'order',
    ...(path.includes(':id') ? { idField: 'orderId' } : {}),
  });

/** The Order command routes (stream `order-<id>`). */
export const orderRoutes = {
  place: route('/orders', 'PlaceOrder', schemas.PlaceOrder, 'Place an order'),
  approveDiscount: route(
    '/orders/:id/discount-approval',
    'ApproveDiscount',
    schemas.ApproveDiscount,
    "Approve line discounts above the placing rep's limit (managers)",
  ),
  confirm: route(
    '/orders/:id/confirmation',
    'ConfirmOrder',
    schemas.ConfirmOrder,
    'Confirm (book) the order after the customer and credit checks',
  ),
  amend: route('/orders/:id/amendments', 'AmendOrder', schemas.AmendOrder, 'Amend lines or the promised date'),
  ship: route('/orders/:id/shipments', 'RecordShipment', schemas.RecordShipment, 'Record a (partial) shipment'),
  deliver: route('/orders/:id/delivery', 'ConfirmDelivery', schemas.ConfirmDelivery, 'Confirm delivery'),
  cancel: route(
    '/orders/:id/cancellation',
    'CancelOrder',
    schemas.CancelOrder,
    'Cancel the order before its first shipment',
  ),
  close: route('/orders/:id/closure', 'CloseOrder', schemas.CloseOrder, 'Short-close the unshipped rest'),
} as const;
