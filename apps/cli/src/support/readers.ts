import { z } from 'zod';
import { ActorId } from '@salesbook/domain';
import type { EventCodec } from '@salesbook/eventstore';
import {
  canReadPersonalData,
  createMaskingCodec,
  createPersonalDataCodec,
  type PersonalDataReader,
} from '@salesbook/personal-data';
import { CliError } from './cli-error.js';
import type { StoreContext } from './infrastructure.js';

/** The options of a command that prints personal data: masked unless `--unmask --reader <id>`. */
export interface UnmaskOptions {
  readonly unmask?: boolean;
  readonly reader?: string;
  readonly role?: string;
}

/**
 * Roles that may unmask at the command line. Reps and regional managers may read only their own customers
 * (region), which the API enforces per request; the command line reads any stream, so it leaves them out.
 */
export const CLI_READER_ROLES = ['sales_manager', 'finance'] as const;

const Reader = z.object({ reader: ActorId, role: z.enum(CLI_READER_ROLES) });

/**
 * Who reads, from `--unmask --reader <id> [--role sales_manager|finance]`; undefined when the output is
 * masked. `purpose` (the command and its stream) goes into the read log with the reader.
 */
export function readerOf(options: UnmaskOptions, purpose: string): PersonalDataReader | undefined {
  const role = options.role ?? 'sales_manager';
  if (options.unmask !== true) {
    if (options.reader !== undefined || options.role !== undefined)
      throw new CliError('--reader and --role name who unmasks: use them with --unmask', 2);
    return undefined;
  }
  if (options.reader === undefined)
    throw new CliError('--unmask needs --reader <id>: every read of personal data is logged with who read it', 2);
  if (!canReadPersonalData(role))
    throw new CliError(`--role ${role}: this role sees personal data masked only (docs/data-protection.md)`, 2);
  const parsed = Reader.safeParse({ reader: options.reader, role });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'role')
      throw new CliError(
        `--role ${role}: a ${role} reads only their own customers, through the API; the command line unmasks for ${CLI_READER_ROLES.join(' or ')}`,
        2,
      );
    throw new CliError(`--reader: ${issue?.message ?? 'invalid'}`, 2);
  }
  return { actorId: parsed.data.reader, role: parsed.data.role, purpose };
}

/**
 * The codec a command prints with: masking (no key touched, personal fields read `***`) without a reader;
 * with one, the personal data codec over the existing key store that logs every read before it returns.
 */
export function readingCodec(context: StoreContext, reader: PersonalDataReader | undefined): EventCodec {
  if (reader === undefined) return createMaskingCodec(context.plainCodec);
  const keys = context.keyStore('existing');
  return createPersonalDataCodec({ inner: context.plainCodec, keys, reads: { log: keys.reads, reader } });
}
