import { z } from 'zod';
import {
  ActorId,
  CustomerId,
  customerDecider,
  customerEventRegistry,
  customerStream,
  type ForgetCustomerPersonalDataCommand,
  type WithAccess,
} from '@salesbook/domain';
import { loadAggregate } from '@salesbook/eventstore';
import { createMaskingCodec, createPersonalDataCodec, forgetCustomer } from '@salesbook/personal-data';
import { holdsPlaintext } from '../import/seal-exported.js';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { note, out } from '../support/output.js';

/** Options of `salesbook forget`. */
export interface ForgetOptions {
  readonly reason?: string;
  readonly operator?: string;
}

const Input = z.object({
  customerId: CustomerId,
  reason: z
    .string()
    .trim()
    .min(1, 'give the reason (e.g. the request reference); it stays readable after the erasure')
    .max(1_000),
  operator: ActorId,
});

const optionOf: Record<string, string> = { customerId: '<customerId>', reason: '--reason', operator: '--operator' };

function checked(customerId: string, options: ForgetOptions): z.infer<typeof Input> {
  const parsed = Input.safeParse({ customerId, reason: options.reason ?? '', operator: options.operator ?? '' });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CliError(`${optionOf[String(issue?.path[0])] ?? 'forget'}: ${issue?.message ?? 'invalid'}`, 2);
}

/**
 * `salesbook forget <customerId> --reason <text> --operator <id>`: erases a customer's personal data
 * (crypto-shredding): records CustomerPersonalDataForgotten as the system acting for the named operator,
 * then destroys the customer's data key. The command id is the customer's, so a run that stopped between
 * the two finishes the job when repeated; a customer already forgotten is said so, and nothing changes.
 */
export async function forget(
  context: StoreContext,
  customerIdText: string,
  options: ForgetOptions,
  now: Date = new Date(),
): Promise<void> {
  const { customerId, reason, operator } = checked(customerIdText, options);
  const streamName = customerStream(customerId);
  if (!(await context.store.streamExists(streamName)))
    throw new CliError(`forget: customer ${customerId} does not exist in ${context.storeName}`);
  // The customer as it stands, read masked: deciding whether it was forgotten needs no personal data.
  const before = await loadAggregate({
    store: context.store,
    codec: createMaskingCodec(context.plainCodec),
    decider: customerDecider,
    registry: customerEventRegistry,
    streamName,
  });
  if (before._tag === 'Left') throw new CliError(`forget: ${streamName}: ${before.left.code}: ${before.left.message}`);
  const already = before.right.state.status !== 'none' && before.right.state.personalDataErased;
  const keys = context.keyStore('existing');
  const command: WithAccess<ForgetCustomerPersonalDataCommand> = {
    type: 'ForgetCustomerPersonalData',
    data: { customerId, reason },
    metadata: { actor: { id: operator, role: 'system' }, occurredAt: now.toISOString() },
    // The system acts for the operator: it is not on the sales team register.
    access: { actor: null },
  };
  const codec = createPersonalDataCodec({ inner: context.plainCodec, keys });
  const result = await forgetCustomer({
    store: context.store,
    codec,
    keys,
    command,
    commandId: `forget-${customerId}`,
  });
  if (result._tag === 'Left')
    throw new CliError(`forget: customer ${customerId}: ${result.left.code}: ${result.left.message}`);
  const destroyed = result.right.keyDestroyed ? 'its data key is destroyed' : 'it had no data key left';
  if (already) {
    out(
      `forget: customer ${customerId} was already forgotten; ${result.right.keyDestroyed ? 'its data key was still there and is destroyed now' : 'nothing changed'}`,
    );
    return;
  }
  const recorded = result.right.events[0];
  // Destroying a key erases only what it sealed: history written before encryption keeps its text.
  const inClear = (await context.store.readStream(streamName)).filter(holdsPlaintext).length;
  if (inClear > 0)
    note(
      `warning: ${inClear} event(s) of ${streamName} hold personal data in clear (written before encryption); destroying the key cannot erase them: re-load the log through export and import-events`,
    );
  out(
    `forget: customer ${customerId}: ${recorded?.type ?? 'the erasure'} recorded in ${streamName} at revision ${result.right.nextExpectedRevision} by ${operator} (as system); ${destroyed}`,
  );
  out(
    `forget: its personal data in every event (contact, survey comments, complaint texts, collection notes) now reads as [erased]; totals are untouched`,
  );
}
