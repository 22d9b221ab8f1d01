import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UploadedImage } from '@dangjian/shared';
import sharp from 'sharp';
import { In, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { FileError, type ErrorCode } from '../../common/errors/error-codes.js';
import { FileStorage } from '../../common/storage/file-storage.js';
import { StoredFile } from './entities/stored-file.entity.js';

const FORMATS = { jpeg: { ext: 'jpg', mime: 'image/jpeg' }, png: { ext: 'png', mime: 'image/png' }, webp: { ext: 'webp', mime: 'image/webp' } } as const;
type Format = keyof typeof FORMATS;
const MIME_BY_EXT: Record<string, string> = Object.fromEntries(Object.values(FORMATS).map((f) => [f.ext, f.mime]));
/** Phones send 4000-px photos; nobody needs more than this on a phone or an admin page. */
const MAX_SIDE = 2560;
export const IMAGE_KEY = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

/**
 * Image uploads. Each file is decoded (a text file named .jpg is refused), turned upright, shrunk to
 * at most 2560 px and re-encoded in its own format — which also drops EXIF, so a photo's GPS position
 * never reaches other members. Stored under a random key that is also its public address.
 */
@Injectable()
export class FilesService {
  constructor(
    @InjectRepository(StoredFile) private readonly files: Repository<StoredFile>,
    private readonly storage: FileStorage,
  ) {}

  async uploadImage(user: Pick<AuthUser, 'userId' | 'tenantId'>, input: Buffer): Promise<UploadedImage> {
    const { data, info, format } = await this.normalise(input);
    const key = `${randomBytes(16).toString('hex')}.${FORMATS[format].ext}`;
    await this.storage.put(`img/${key}`, data);
    await this.files.insert({ tenantId: user.tenantId, uploaderUserId: user.userId, fileKey: key, mime: FORMATS[format].mime, size: data.length, width: info.width, height: info.height });
    return { key, url: imageUrl(key), width: info.width, height: info.height };
  }

  private async normalise(input: Buffer) {
    try {
      const img = sharp(input, { failOn: 'error', limitInputPixels: 60_000_000 });
      const format = (await img.metadata()).format as string;
      if (!(format in FORMATS)) throw new AppError(FileError.NotImage);
      const out = img.rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
      const encoded = format === 'jpeg' ? out.jpeg({ quality: 85 }) : format === 'png' ? out.png() : out.webp({ quality: 85 });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      return { data, info, format: format as Format };
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(FileError.NotImage);
    }
  }

  /** The image's bytes and type for serving, or null. */
  async read(key: string): Promise<{ data: Buffer; mime: string } | null> {
    if (!IMAGE_KEY.test(key)) return null;
    const data = await this.storage.get(`img/${key}`);
    return data ? { data, mime: MIME_BY_EXT[key.split('.')[1]] } : null;
  }

  /**
   * Images to attach to something the caller writes: each must be one the caller uploaded, or one
   * already attached (`kept`, when editing). `invalid` is the caller's domain error.
   */
  async claim(user: AuthUser, keys: string[], invalid: ErrorCode, kept: string[] = []): Promise<Array<{ key: string; width: number; height: number }>> {
    if (!keys.length) return [];
    const rows = await this.files.find({ where: { fileKey: In(keys), tenantId: user.tenantId ?? undefined } });
    const byKey = new Map(rows.map((r) => [r.fileKey, r]));
    return keys.map((key) => {
      const f = byKey.get(key);
      if (!f || (f.uploaderUserId !== user.userId && !kept.includes(key))) throw new AppError(invalid);
      return { key, width: f.width, height: f.height };
    });
  }
}

export function imageUrl(key: string): string {
  return `/api/v1/files/${key}`;
}
