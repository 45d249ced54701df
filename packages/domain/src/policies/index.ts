export * from './order-to-receivable.js';
