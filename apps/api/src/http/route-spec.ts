import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import type { Either } from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import type { Role } from '@salesbook/domain';

/** Who may call a route: the roles listed, or anyone (operations probes and the docs). */
export type Audience = readonly Role[] | 'public';

/** A command route: which aggregate handles it, the command type, and the data field the path's `:id` fills. */
export interface CommandBinding {
  readonly aggregate:
    | 'customer'
    | 'order'
    | 'receivable'
    | 'complaint'
    | 'target'
    | 'team'
    | 'period'
    | 'monthly-report'
    | 'product'
    | 'pricelist'
    | 'promotion'
    | 'webhook'
    | 'commission'
    | 'commission-statement'
    | 'competition'
    | 'forecast'
    | 'campaign'
    | 'evaluation'
    | 'opportunity'
    | 'market'
    | 'competitor'
    | 'action';
  readonly type: string;
  readonly idField?: string;
}

/**
 * One row of the route table: it alone drives the route's mapping, RBAC (the auth guard),
 * validation (the `@Input()` decorator) and its entry in the OpenAPI document.
 */
export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** Nest path syntax, e.g. `/orders/:id/amendments`. */
  readonly path: string;
  readonly audience: Audience;
  readonly summary: string;
  readonly tag: string;
  /** Name of the body schema in the document's components (the command type for command routes). */
  readonly bodyName?: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  /** The success answer of a read route, documented in the OpenAPI document and checked against real answers in the API tests. */
  readonly response?: z.ZodType;
  /** Success status (201 for commands, 200 otherwise). */
  readonly status: number;
  readonly command?: CommandBinding;
  /** A report route: it reads this projection and honours `X-Min-Position`. */
  readonly projection?: string;
}

/** The payload a command route's schema produces: its command type and the schema's output. */
export interface RoutePayload<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

/** A command row of the route table, typed by the payload its body schema produces. */
export interface CommandRouteSpec<P extends RoutePayload<string, unknown>> extends RouteSpec {
  readonly body: z.ZodType;
  readonly command: CommandBinding & {
    /** The body checked by the command's schema, as its typed payload: where the route's type meets the command's. */
    readonly read: (body: unknown, context?: z.core.ParseContext<z.core.$ZodIssue>) => Either<z.ZodError, P>;
  };
}

/** Metadata key under which a controller method carries its {@link RouteSpec}. */
export const ROUTE_SPEC = 'salesbook:route';

/** Maps a controller method to its row of the route table. */
export const Route = (spec: RouteSpec): MethodDecorator =>
  applyDecorators(
    RequestMapping({ path: spec.path, method: spec.method === 'GET' ? RequestMethod.GET : RequestMethod.POST }),
    HttpCode(spec.status),
    SetMetadata(ROUTE_SPEC, spec),
  );
