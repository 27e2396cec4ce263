export * from './statutory-days';
export * from './working-calendar.reader';
