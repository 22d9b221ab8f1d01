import { Global, Module } from '@nestjs/common';
import { Transactions, WriteGate } from './write-gate.js';

@Global()
@Module({ providers: [WriteGate, Transactions], exports: [WriteGate, Transactions] })
export class DatabaseModule {}
