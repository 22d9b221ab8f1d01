import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EntryCodes, EntryInfo } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser, Public } from '../../common/auth/decorators.js';
import { EntryService } from './entry.service.js';

/** Entry by QR code: scene resolution for the mini-program, printable codes for admins. */
@ApiTags('entry')
@Controller()
export class EntryController {
  constructor(private readonly entry: EntryService) {}

  @Public()
  @Get('entry/:scene')
  @ApiOperation({ summary: '解析入口二维码的场景值（单位、支部）' })
  resolve(@Param('scene') scene: string): Promise<EntryInfo> {
    return this.entry.resolve(scene);
  }

  @AdminOnly()
  @Get('orgs/:id/entry-codes')
  @ApiOperation({ summary: '单位或党支部的入口二维码（微信小程序码 + H5 二维码）' })
  codes(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<EntryCodes> {
    return this.entry.codes(user, id);
  }
}
