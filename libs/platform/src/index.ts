export * from './config';
export * from './logging';
export * from './metrics-config';
export * from './metrics-server';
export * from './evidence-config';
