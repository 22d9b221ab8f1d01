/** Pure state and rules of the identity pages (no Taro imports: unit-testable under plain Jest). */
export * from './errors';
export * from './slider';
export * from './sms';
export * from './state';
export * from './validate';
export * from './endpoints';
