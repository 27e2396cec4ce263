export * from './duration';
export * from './stage';
export * from './policy';
export * from './measure-state';
export * from './actions';
export * from './transitions';
export * from './schedule';
export * from './initial-state';
