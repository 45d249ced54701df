import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import type { ApiConfig } from './config/config.js';
import { CustomersModule } from './customers/customers.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { ApiExceptionFilter } from './http/exception.filter.js';
import { InfrastructureModule, type OpenedInfrastructure } from './infrastructure/infrastructure.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { MonthlyReportsModule } from './monthly-reports/monthly-reports.module.js';
import { PeriodsModule } from './periods/periods.module.js';
import { PriceListsModule } from './pricelists/pricelists.module.js';
import { PromotionsModule } from './promotions/promotions.module.js';
import { ProductsModule } from './products/products.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { ReceivablesModule } from './receivables/receivables.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { TargetsModule } from './targets/targets.module.js';
import { TeamModule } from './team/team.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WorklistsModule } from './worklists/worklists.module.js';
import { CommissionsModule } from './commissions/commissions.module.js';
import { SurveyCampaignsModule } from './surveys/survey-campaigns.module.js';
import { ForecastsModule } from './forecasts/forecasts.module.js';
import { CompetitionsModule } from './competitions/competitions.module.js';
import { OpportunitiesModule } from './opportunities/opportunities.module.js';
import { EvaluationsModule } from './evaluations/evaluations.module.js';
import { MarketModule } from './market/market.module.js';
import { ImprovementActionsModule } from './actions/improvement-actions.module.js';

/** The Salesbook API: one module per area over the shared infrastructure. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, overrides: OpenedInfrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config, overrides),
        AuthModule,
        CustomersModule,
        OrdersModule,
        ReceivablesModule,
        ComplaintsModule,
        TargetsModule,
        TeamModule,
        PeriodsModule,
        MonthlyReportsModule,
        ProductsModule,
        PriceListsModule,
        PromotionsModule,
        SurveyCampaignsModule,
        ForecastsModule,
        OpportunitiesModule,
        CommissionsModule,
        CompetitionsModule,
        EvaluationsModule,
        MarketModule,
        ImprovementActionsModule,
        PoliciesModule,
        ReportsModule,
        WorklistsModule,
        AuditModule,
        WebhooksModule,
        OperationsModule,
        DashboardModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
