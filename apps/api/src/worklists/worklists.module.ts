import { Module } from '@nestjs/common';
import type { RouteSpec } from '../http/route-spec.js';
import { approvalsInbox } from './approvals.js';
import { complaintList, customerList, orderList, receivableList } from './lists.js';
import { myDayRoute } from './my-day.js';
import { WorklistsController } from './worklists.controller.js';

/** The work list routes, for the OpenAPI document. */
export const worklistRoutes: Record<string, RouteSpec> = {
  customers: customerList.route,
  orders: orderList.route,
  receivables: receivableList.route,
  complaints: complaintList.route,
  approvals: approvalsInbox.route,
  myDay: myDayRoute,
};

/** Lists with filters and paging, the approvals inbox and "my day" (their queries run on the reports' handler). */
@Module({ controllers: [WorklistsController] })
export class WorklistsModule {}
