import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@workpoints/config';
import { ErrorCode } from '@workpoints/contracts';
import type { Request, Response } from 'express';
import { DomainException } from '../common/domain.exception';
import { Public } from './auth.decorators';
import { clearCookie, readCookie, setCookie } from './cookies';
import { SsoStartQuery } from './dto/auth.dto';
import { OidcService, SSO_TRANSACTION_TTL_SECONDS } from './oidc.service';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './sessions.service';

/** The browser's handle on its single sign-on in progress (its secrets wait in Redis). */
const SSO_COOKIE = 'wp_sso';
const SSO_COOKIE_PATH = '/api/auth/oidc';

/**
 * Single sign-on (统一身份认证) in the browser: `start` sends the person to the identity
 * platform, `callback` takes them back, opens the session (the refresh cookie) and returns to
 * the page they came from; the web app then refreshes for its access token. A refusal goes
 * back to the login page with its reason (`/login?sso=unknown-user`, …).
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('start')
  @ApiOperation({ summary: '统一身份认证登录：转到身份认证平台（授权码模式，PKCE、state、nonce）' })
  @ApiFoundResponse({ description: '转到身份认证平台的登录页' })
  async start(@Query() query: SsoStartQuery, @Res() res: Response): Promise<void> {
    if (!this.oidc.settings)
      throw new DomainException(ErrorCode.NotFound, '未配置统一身份认证（OIDC_ISSUER）');
    const { url, transactionId } = await this.oidc.start(query.returnTo ?? '/');
    // Lax, not Strict: the cookie must come back with the platform's cross-site redirect.
    setCookie(res, SSO_COOKIE, transactionId, {
      path: SSO_COOKIE_PATH,
      secure: this.config.auth.secureCookie,
      sameSite: 'lax',
      maxAge: SSO_TRANSACTION_TTL_SECONDS,
    });
    res.redirect(302, url);
  }

  @Public()
  @Get('callback')
  @ApiOperation({ summary: '统一身份认证回调：核验应答、匹配账号、建立会话后回到原页面' })
  @ApiFoundResponse({ description: '回到原页面，或带原因回到登录页' })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.settings)
      throw new DomainException(ErrorCode.NotFound, '未配置统一身份认证（OIDC_ISSUER）');
    const transactionId = readCookie(req, SSO_COOKIE);
    clearCookie(res, SSO_COOKIE, {
      path: SSO_COOKIE_PATH,
      secure: this.config.auth.secureCookie,
      sameSite: 'lax',
    });
    const outcome = await this.oidc.finish(transactionId, req);
    if ('refused' in outcome) {
      res.redirect(302, `/login?sso=${outcome.refused}`);
      return;
    }
    setCookie(res, REFRESH_COOKIE, outcome.issued.refreshToken, {
      path: REFRESH_COOKIE_PATH,
      secure: this.config.auth.secureCookie,
      sameSite: 'strict',
      maxAge: outcome.issued.refreshMaxAge,
    });
    res.redirect(302, outcome.returnTo);
  }
}
