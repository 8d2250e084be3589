export * from './common';
export * from './snapshot';
export * from './login-event';
export * from './visit';
export * from './adapter-health';
export * from './capture-log';
export * from './order-event';
