export * from './id-number.js';
export * from './masking.js';
export * from './password.js';
export * from './time.js';
export * from './org.js';
export * from './member.js';
export * from './member-dates.js';
export * from './scene.js';
export type * from './api.js';
