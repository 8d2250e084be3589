// The daiwa adapter (its declaration, ./broker.ts, with the shared readers): the registry's
// own instance, for tests and tools that name it.
import { brokerById } from '../index';

export const daiwa = brokerById('daiwa')!;
