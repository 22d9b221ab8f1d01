/**
 * The server's tests run on Node's built-in test runner against the tsc output (see README: Jest's
 * module loader cannot load CommonJS packages such as @nestjs/throttler and nestjs-pino that
 * require() the ESM-only Nest 12 core; Node 20.19+ can). Jest's `expect` keeps the familiar matchers.
 */
export { after as afterAll, afterEach, before as beforeAll, beforeEach, describe, it, mock } from 'node:test';
export { expect } from 'expect';
