import type { z } from 'zod';
import { customerCommandSchemas as schemas } from '@salesbook/domain';
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
    tag: 'customers',
    aggregate: 'customer',
    ...(path.includes(':id') ? { idField: 'customerId' } : {}),
  });

/** The Customer command routes (stream `customer-<id>`). */
export const customerRoutes = {
  register: route('/customers', 'RegisterCustomer', schemas.RegisterCustomer, 'Register a customer'),
  updateProfile: route(
    '/customers/:id/profile',
    'UpdateCustomerProfile',
    schemas.UpdateCustomerProfile,
    "Update (review) the customer's profile",
  ),
  changeContact: route(
    '/customers/:id/contact',
    'ChangeCustomerContact',
    schemas.ChangeCustomerContact,
    'Replace the contact person',
  ),
  reassign: route(
    '/customers/:id/reassignment',
    'ReassignCustomer',
    schemas.ReassignCustomer,
    'Give the customer another owner rep or region (managers)',
  ),
  setCreditLimit: route(
    '/customers/:id/credit-limit',
    'SetCreditLimit',
    schemas.SetCreditLimit,
    'Set the credit limit (managers)',
  ),
  recordSurvey: route(
    '/customers/:id/surveys',
    'RecordSatisfactionSurvey',
    schemas.RecordSatisfactionSurvey,
    "Record the customer's answer to a satisfaction survey",
  ),
  closeFollowUp: route(
    '/customers/:id/follow-up-closings',
    'CloseDetractorFollowUp',
    schemas.CloseDetractorFollowUp,
    'Close the follow-up an unhappy survey answer opened: what was done, and whether the customer was recovered',
  ),
  forget: route(
    '/customers/:id/erasure',
    'ForgetCustomerPersonalData',
    schemas.ForgetCustomerPersonalData,
    "Erase the customer's personal data",
  ),
  deactivate: route(
    '/customers/:id/deactivation',
    'DeactivateCustomer',
    schemas.DeactivateCustomer,
    'Deactivate the customer',
  ),
} as const;
