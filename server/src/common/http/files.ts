import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { CommonError, type ErrorCode } from '../errors/error-codes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a generated workbook as a download with a Chinese file name. */
export function sendXlsx(res: FastifyReply, name: string, buf: Buffer) {
  return res.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
}

/**
 * The one uploaded file of a multipart request (field `file`; size capped by @fastify/multipart).
 * `missing` is the domain's error for "no usable file".
 */
export async function uploadedFile(req: FastifyRequest, missing: ErrorCode = CommonError.BadRequest): Promise<Buffer> {
  const file = req.isMultipart() ? await req.file() : undefined;
  if (!file) throw new AppError(missing, '请上传Excel文件（表单字段 file）');
  return file.toBuffer();
}
