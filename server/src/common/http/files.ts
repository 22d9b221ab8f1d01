import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { CommonError } from '../errors/error-codes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a generated workbook as a download with a Chinese file name. */
export function sendXlsx(res: FastifyReply, name: string, buf: Buffer) {
  return res.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
}

/** The one uploaded file of a multipart request (field `file`; size capped by @fastify/multipart). */
export async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  const file = req.isMultipart() ? await req.file() : undefined;
  if (!file) throw new AppError(CommonError.BadRequest, '请上传Excel文件（表单字段 file）');
  return file.toBuffer();
}
