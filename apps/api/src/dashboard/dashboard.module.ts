import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';

/** The managers' dashboard page and its assets. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
