export * from './config';
export * from './evidence-config';
