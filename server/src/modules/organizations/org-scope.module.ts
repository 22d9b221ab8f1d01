import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from './entities/organization.entity.js';
import { OrgScope } from './org-scope.service.js';

/** The data-scope helper on its own, so every domain can filter by org subtree without import cycles. */
@Module({ imports: [TypeOrmModule.forFeature([Organization])], providers: [OrgScope], exports: [OrgScope] })
export class OrgScopeModule {}
