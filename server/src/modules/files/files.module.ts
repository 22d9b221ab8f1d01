import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/config.js';
import { fromRoot } from '../../config/paths.js';
import { FileStorage, LocalDiskStorage } from '../../common/storage/file-storage.js';
import { StoredFile } from './entities/stored-file.entity.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([StoredFile])],
  controllers: [FilesController],
  providers: [FilesService, { provide: FileStorage, inject: [AppConfig], useFactory: (c: AppConfig) => LocalDiskStorage.under(fromRoot(c.DATA_DIR)) }],
  exports: [FilesService],
})
export class FilesModule {}
