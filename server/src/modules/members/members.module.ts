import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgScopeModule } from '../organizations/org-scope.module.js';
import { Member } from './entities/member.entity.js';
import { MembersExcelService } from './members-excel.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Member]), OrgScopeModule],
  controllers: [MembersController],
  providers: [MembersService, MembersExcelService],
  exports: [MembersService],
})
export class MembersModule {}
