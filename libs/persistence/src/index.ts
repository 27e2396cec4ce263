export * from './entities';
export * from './data-source';
export * from './audit-chain';
export * from './repositories';
export * from './calendar';
