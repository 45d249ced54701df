import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toHttpException } from '../http/failures.js';
import { pathOf } from '../http/request.js';
import { DASHBOARD_CSP, DASHBOARD_DIST, readDashboardFile } from './dashboard-files.js';

/**
 * Serves the built managers' dashboard (`apps/dashboard`) at `/dashboard`. The page is public (no route-table row,
 * so the auth guard lets it through and the OpenAPI document does not list it); every report it shows is fetched
 * with the signed-in user's token, so the API's role rules apply to the page exactly as to any client.
 */
@Controller('dashboard')
export class DashboardController {
  @Get(['', '*'])
  file(@Req() request: FastifyRequest, @Res() response: FastifyReply): void {
    const relative = pathOf(request).replace(/^\/dashboard\/?/, '');
    const file = readDashboardFile(DASHBOARD_DIST, relative);
    if (file === undefined) {
      const hint = relative === '' ? ' (build it: npx nx run @salesbook/dashboard:build)' : '';
      throw toHttpException({
        kind: 'route-not-found',
        message: `no dashboard file ${relative || 'index.html'}${hint}`,
      });
    }
    response.headers({
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Hashed assets never change; the page itself is always revalidated so a rebuild shows at once.
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    void response.type(file.type).send(file.body);
  }
}
