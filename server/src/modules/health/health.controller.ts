import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators.js';

/** GET /api/health: liveness plus a round trip to the database (503 when it fails). */
@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Public()
  @Get()
  async health(@Res() res: FastifyReply) {
    const driver = this.ds.options.type === 'better-sqlite3' ? 'sqlite' : this.ds.options.type;
    const started = Date.now();
    try {
      await this.ds.query('SELECT 1');
      return res.send({ status: 'ok', database: { driver, ok: true, latencyMs: Date.now() - started } });
    } catch {
      return res.status(503).send({ status: 'error', database: { driver, ok: false } });
    }
  }
}
