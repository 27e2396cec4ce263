export * from './unit-of-work';
export * from './providers';
