export * from './unit-of-work';
export * from './providers';
export * from './account.repository';
export * from './admin-audit-event.repository';
export * from './inbox.repository';
export * from './organisation.repository';
export * from './throttle-bucket.repository';
