// The case: which events were not the user's (utils/case/case.ts).
export { buildCase, type Case, type CaseEvent, type CaseEventKind, type CaseInput } from './case';
export { loadCase, type CaseScope } from './load';
