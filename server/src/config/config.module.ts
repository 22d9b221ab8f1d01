import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './config.js';

/**
 * Provides the validated configuration under its class, so services inject `AppConfig`.
 * The value is built once in bootstrap (main.ts or a test) and handed in here.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
