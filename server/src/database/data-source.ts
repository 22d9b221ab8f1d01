/** DataSource for the TypeORM CLI (migration:generate / run), driven by DATABASE_URL like the server. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseConfig } from '../config/config.js';
import { databaseUrl, dataSourceOptions } from './database.options.js';

export default new DataSource(dataSourceOptions(databaseUrl(parseConfig(process.env))));
