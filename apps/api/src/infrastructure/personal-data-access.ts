import { Inject, Injectable } from '@nestjs/common';
import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, type EventCodec } from '@salesbook/eventstore';
import { createMaskingCodec, createPersonalDataCodec, type PersonalDataReader } from '@salesbook/personal-data';
import type { ManagedKeyStore } from '@salesbook/keystore';
import { CLOCK, KEY_STORE, type Clock } from './tokens.js';

/**
 * The codecs a person's read goes through (docs/data-protection.md): the decrypting codec that logs every read of
 * personal data before returning it, or the masking codec that never touches a key. Which one a reader gets is
 * the route's decision; this only builds them.
 */
@Injectable()
export class PersonalDataAccess {
  private readonly inner = createEventCodec(salesbookEventRegistry);

  constructor(
    @Inject(KEY_STORE) private readonly keys: ManagedKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens personal fields (`[erased]` after erasure) and logs who read which customers, when and for what. */
  unmasked(reader: PersonalDataReader): EventCodec {
    return createPersonalDataCodec({
      inner: this.inner,
      keys: this.keys,
      reads: { log: this.keys.reads, reader, clock: this.clock },
    });
  }

  /** Shows every personal field as `***`. */
  masked(): EventCodec {
    return createMaskingCodec(this.inner);
  }

  /** The read log, kept in the key store's file. */
  get reads(): ManagedKeyStore['reads'] {
    return this.keys.reads;
  }
}
