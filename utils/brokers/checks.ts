import type { CheckSpec } from './check-types';
import { rakutenCheck } from './rakuten/check';
import { sbiCheck } from './sbi/check';
import type { BrokerId } from './types';

export const CHECKS: Record<BrokerId, CheckSpec> = { rakuten: rakutenCheck, sbi: sbiCheck };
