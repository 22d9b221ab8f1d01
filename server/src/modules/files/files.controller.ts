import { Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UploadedImage } from '@dangjian/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { FileError } from '../../common/errors/error-codes.js';
import { FilesService } from './files.service.js';

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('images')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传图片（JPG/PNG/WebP，不超过5MB，表单字段 file）' })
  async upload(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest): Promise<UploadedImage> {
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) throw new AppError(FileError.Missing);
    const data = await file.toBuffer().catch((e: { code?: string }) => {
      throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError(FileError.TooLarge) : e;
    });
    return this.files.uploadImage(user, data);
  }

  /** No token: mini-program <Image> cannot send one. The key is random, so only holders of it can fetch. */
  @Public()
  @Get(':key')
  @ApiOperation({ summary: '读取图片（长期缓存）' })
  async get(@Param('key') key: string, @Headers('if-none-match') etag: string | undefined, @Res() res: FastifyReply) {
    const file = await this.files.read(key);
    if (!file) throw new AppError(FileError.NotFound);
    res.header('cache-control', 'public, max-age=31536000, immutable').header('etag', `"${key}"`);
    if (etag === `"${key}"`) return res.status(304).send();
    return res.header('content-type', file.mime).send(file.data);
  }
}
