/** Injection tokens of what the infrastructure module provides (interfaces have no runtime class). */
export const API_CONFIG = Symbol('ApiConfig');
export const EVENT_STORE = Symbol('EventStore');
/** The encrypting codec (personal fields sealed per customer) of every write and of the system's own reads. */
export const EVENT_CODEC = Symbol('EventCodec');
/** The key store (`ManagedKeyStore`): customers' data keys and the personal data read log. */
export const KEY_STORE = Symbol('KeyStore');
export const READ_MODELS = Symbol('ReadModelsDatabase');
/** The read models' WAL checkpointer (a worker thread), or undefined for an in-memory database. */
export const READ_MODEL_CHECKPOINTS = Symbol('ReadModelCheckpoints');
export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
export const CLOCK = Symbol('Clock');

/** The clock at the edge: the business time of commands that do not bring their own. */
export type Clock = () => Date;
