import { customerCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute, MANAGERS, SALES } from '../commands/command-route.js';

const route = (path: string, type: keyof typeof schemas, audience: typeof SALES, summary: string) =>
  commandRoute({ path, type, schema: schemas[type], audience, summary, tag: 'customers', aggregate: 'customer', ...(path.includes(':id') ? { idField: 'customerId' } : {}) });

/** The Customer command routes (stream `customer-<id>`). */
export const customerRoutes = {
  register: route('/customers', 'RegisterCustomer', SALES, 'Register a customer'),
  updateProfile: route('/customers/:id/profile', 'UpdateCustomerProfile', SALES, "Update (review) the customer's profile"),
  changeContact: route('/customers/:id/contact', 'ChangeCustomerContact', SALES, 'Replace the contact person'),
  reassign: route('/customers/:id/reassignment', 'ReassignCustomer', MANAGERS, 'Give the customer another owner rep or region (managers)'),
  setCreditLimit: route('/customers/:id/credit-limit', 'SetCreditLimit', MANAGERS, 'Set the credit limit (managers)'),
  recordSurvey: route('/customers/:id/surveys', 'RecordSatisfactionSurvey', SALES, "Record the customer's answer to a satisfaction survey"),
  forget: route('/customers/:id/erasure', 'ForgetCustomerPersonalData', MANAGERS, "Erase the customer's personal data"),
  deactivate: route('/customers/:id/deactivation', 'DeactivateCustomer', MANAGERS, 'Deactivate the customer'),
} as const;
