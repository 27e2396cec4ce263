export { measureWorkflow } from './measure.workflow';
