import { Injectable, Logger } from '@nestjs/common';
import { encodeScene, parseScene, type EntryCodes, type EntryInfo } from '@dangjian/shared';
import QRCode from 'qrcode';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError } from '../../common/errors/error-codes.js';
import { AppConfig } from '../../config/config.js';
import { WechatClient } from '../identity/clients/wechat.client.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { TenantsService } from '../tenancy/tenants.service.js';

/**
 * Entry by QR code (issue 3, TEN-3): a scene names the tenant and optionally the branch a member
 * arrives for. Admins print a WeChat mini-program code and a plain QR code of the H5 address for
 * their tenant (root committee) or a branch; the mini-program resolves the scene on launch.
 */
@Injectable()
export class EntryService {
  private readonly log = new Logger('Entry');

  constructor(
    private readonly scope: OrgScope,
    private readonly tenants: TenantsService,
    private readonly wechat: WechatClient,
    private readonly config: AppConfig,
  ) {}

  get h5Base(): string {
    return this.config.H5_BASE_URL ?? `http://${this.config.HOST}:${this.config.PORT}/h5/`;
  }

  /** Public: what a scanned scene preselects. A malformed or foreign combination is a plain 404. */
  async resolve(raw: string): Promise<EntryInfo> {
    const scene = parseScene(raw);
    const tenant = scene ? await this.tenants.find(scene.tenantId) : null;
    const org = scene?.orgId ? await this.scope.findOrg(scene.orgId) : null;
    if (!scene || !tenant || (scene.orgId && (!org || org.tenantId !== tenant.id || org.type !== 'branch'))) throw new AppError(OrgError.EntryNotFound);
    return { scene: encodeScene(scene), tenantId: tenant.id, tenantName: tenant.name, orgId: org?.id ?? null, orgName: org?.name ?? null, dingtalkCorpId: tenant.dingtalkCorpId };
  }

  /** Admin: the codes for the tenant's root committee or one of its branches, within scope. */
  async codes(user: AuthUser, orgId: number): Promise<EntryCodes> {
    const org = await this.scope.assertOrg(user, orgId);
    if (org.parentId !== null && org.type !== 'branch') throw new AppError(OrgError.EntryCodeNotForType);
    const scene = encodeScene(org.parentId === null ? { tenantId: org.tenantId } : { tenantId: org.tenantId, orgId: org.id });
    const h5Url = `${this.h5Base}?scene=${scene}`;
    const h5QrPng = await QRCode.toDataURL(h5Url, { errorCorrectionLevel: 'M', margin: 2, width: 480 });
    let wxacodePng: string | null = null;
    let wxacodeError: string | null = null;
    try {
      const png = await this.wechat.getUnlimitedQrCode(scene, this.config.WECHAT_QRCODE_PAGE);
      wxacodePng = `data:image/png;base64,${png.toString('base64')}`;
    } catch (e) {
      // The H5 code still works; the admin sees why the WeChat one is missing.
      wxacodeError = e instanceof AppError ? e.message : '微信小程序码暂时无法生成';
      this.log.warn(`wxacode for ${scene} failed: ${wxacodeError}`);
    }
    return { scene, orgName: org.name, h5Url, h5QrPng, wxacodePng, wxacodeError };
  }
}
