/** Injection tokens of what the infrastructure module provides (interfaces have no runtime class). */
export const API_CONFIG = Symbol('ApiConfig');
export const EVENT_STORE = Symbol('EventStore');
export const EVENT_CODEC = Symbol('EventCodec');
export const READ_MODELS = Symbol('ReadModelsDatabase');
export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
export const CLOCK = Symbol('Clock');

/** The clock at the edge: the business time of commands that do not bring their own. */
export type Clock = () => Date;
