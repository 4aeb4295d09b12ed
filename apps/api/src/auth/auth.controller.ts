import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AppConfig } from '@workpoints/config';
import {
  ErrorCode,
  type Actor,
  type AuthOptionsView,
  type LoginView,
  type SessionView,
  type SessionsRevokedView,
  type TicketView,
} from '@workpoints/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@workpoints/domain';
import type { Request, Response } from 'express';
import { ActorResponse } from '../common/shared.responses';
import { DomainException } from '../common/domain.exception';
import { SecurityEventsService } from '../security/security-events.service';
import { LoginResponse } from '../users/dto/user.responses';
import {
  CurrentActor,
  CurrentSession,
  PasswordChangeAllowed,
  Public,
  type AuthenticatedRequest,
} from './auth.decorators';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';
import { clearCookie, readCookie, setCookie } from './cookies';
import { ChangePasswordDto, TicketDto } from './dto/auth.dto';
import {
  AuthOptionsResponse,
  SessionResponse,
  SessionsRevokedResponse,
  TicketResponse,
} from './dto/auth.responses';
import { LoginDto } from './dto/login.dto';
import {
  type Issued,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  SessionsService,
  toActor,
} from './sessions.service';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';
import { TicketsService } from './tickets.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly tickets: TicketsService,
    private readonly security: SecurityEventsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseGuards(SignInThrottlerGuard)
  @ApiOperation({
    summary: '用密码登录',
    description:
      '返回短期访问令牌（accessToken，见 expiresIn）；浏览器另得 HttpOnly、Secure、SameSite=Strict 的刷新令牌 Cookie（wp_refresh，仅发往 /api/auth），' +
      '用 POST /api/auth/refresh 换新的访问令牌。同一地址、同一账号每分钟的尝试次数有限（429 TOO_MANY_ATTEMPTS），' +
      '连续失败会锁定账号（423 ACCOUNT_LOCKED）。mustChangePassword 为 true 时须先 POST /api/auth/password。',
  })
  @ApiOkResponse({ type: LoginResponse })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginView> {
    return this.answer(await this.auth.login(body.username, body.password, req), res);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({
    summary: '用刷新令牌 Cookie 换新的访问令牌（刷新令牌同时轮换）',
    description:
      '已轮换过的刷新令牌再次出现，说明有人持有副本：该会话立即结束并记录安全事件。会话已结束、超时或账号停用时 401，并清除 Cookie。',
  })
  @ApiOkResponse({ type: LoginResponse })
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginView> {
    const token = readCookie(req, REFRESH_COOKIE);
    // No cookie is a visitor who never signed in here, not an event worth a record.
    if (!token) throw new DomainException(ErrorCode.Unauthenticated, '尚未登录').alreadyRecorded();
    try {
      return this.answer(await this.sessions.refresh(token, req), res);
    } catch (error) {
      clearCookie(res, REFRESH_COOKIE, this.cookieOptions());
      throw error;
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：结束这次会话（令牌与刷新 Cookie 随之失效）' })
  @ApiNoContentResponse({ description: '已退出' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    clearCookie(res, REFRESH_COOKIE, this.cookieOptions());
    const sessionId = await this.sessionOf(req);
    if (!sessionId) return;
    const ended = await this.sessions.end([sessionId], 'signed-out');
    if (ended.length === 0) return;
    const owner = await this.sessions.owner(sessionId);
    await this.security.record(
      {
        kind: 'signed-out',
        actor: owner ? toActor(owner) : null,
        username: owner?.username ?? null,
        subjectUserId: owner?.id ?? null,
        details: { sessionId },
      },
      req,
    );
  }

  @Post('auth/logout-all')
  @HttpCode(200)
  @PasswordChangeAllowed()
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出所有设备：结束本人的全部会话（含这一次）' })
  @ApiOkResponse({ type: SessionsRevokedResponse })
  async logoutAll(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionsRevokedView> {
    clearCookie(res, REFRESH_COOKIE, this.cookieOptions());
    const ended = await this.sessions.endAllOf(actor.userId, 'signed-out-everywhere');
    await this.security.record(
      {
        kind: 'sessions-revoked',
        actor,
        subjectUserId: actor.userId,
        reason: '退出所有设备',
        details: { sessions: ended.length },
      },
      req,
    );
    return { revoked: ended.length };
  }

  @Get('me')
  @PasswordChangeAllowed()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: ActorResponse })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Post('auth/password')
  @HttpCode(204)
  @PasswordChangeAllowed()
  @UseGuards(SignInThrottlerGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '修改本人密码',
    description:
      '新密码至少 12 个字符（最多 128），不要求字符种类，不能是常见密码，不能含用户名或姓名。成功后本人其他设备上的登录全部结束。',
  })
  @ApiNoContentResponse({ description: '已修改' })
  changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string,
    @Req() req: Request,
  ): Promise<void> {
    return this.auth.changePassword(actor, sessionId, body.currentPassword, body.newPassword, req);
  }

  @Get('auth/sessions')
  @ApiBearerAuth()
  @ApiOperation({ summary: '本人当前有效的登录（设备）' })
  @ApiOkResponse({ type: [SessionResponse] })
  listSessions(
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string,
  ): Promise<SessionView[]> {
    return this.sessions.listOpen(actor.userId, sessionId);
  }

  @Delete('auth/sessions/:sessionId')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '结束本人的某一次登录（某台设备）' })
  @ApiNoContentResponse({ description: '已结束' })
  async endSession(
    @Param('sessionId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<void> {
    const mine = (await this.sessions.listOpen(actor.userId, '')).some((s) => s.id === id);
    // Someone else's session is "not found": its existence is none of the caller's business.
    if (!mine) throw new DomainException(ErrorCode.NotFound, `会话不存在：${id}`);
    await this.sessions.end([id], 'ended-by-user');
    await this.security.record(
      {
        kind: 'sessions-revoked',
        actor,
        subjectUserId: actor.userId,
        reason: '结束一台设备上的登录',
        details: { sessionId: id },
      },
      req,
    );
  }

  @Post('auth/tickets')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '一次性票据：用于不能带请求头的连接（站内消息推送 EventSource、队列看板首页）',
    description: '票据 30 秒内有效、只能用一次，绑定当前会话；会话结束，用它打开的推送随之关闭。',
  })
  @ApiOkResponse({ type: TicketResponse })
  issueTicket(
    @Body() body: TicketDto,
    @Req() req: Request & AuthenticatedRequest,
  ): Promise<TicketView> {
    return this.tickets.issue(req.session?.id ?? '', body.purpose);
  }

  @Public()
  @Get('auth/options')
  @ApiOperation({ summary: '登录方式：统一身份认证是否开启、密码长度要求' })
  @ApiOkResponse({ type: AuthOptionsResponse })
  options(): AuthOptionsView {
    return {
      sso: { enabled: this.config.oidc !== null, label: this.config.oidc?.label ?? '' },
      password: { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH },
    };
  }

  private answer(issued: Issued, res: Response): LoginView {
    setCookie(res, REFRESH_COOKIE, issued.refreshToken, {
      ...this.cookieOptions(),
      maxAge: issued.refreshMaxAge,
    });
    return {
      accessToken: issued.accessToken,
      expiresIn: this.sessions.accessTokenTtl,
      user: issued.authenticated.actor,
      mustChangePassword:
        issued.authenticated.mustChangePassword && issued.authenticated.method === 'password',
    };
  }

  private cookieOptions() {
    return {
      path: REFRESH_COOKIE_PATH,
      secure: this.config.auth.secureCookie,
      sameSite: 'strict' as const,
    };
  }

  /** The session of a sign-out: the bearer token's, else the refresh cookie's. */
  private async sessionOf(req: Request): Promise<string | null> {
    const token = bearerToken(req);
    if (token) {
      try {
        return (await this.sessions.verify(token)).sid;
      } catch {
        // an expired token still says which session to end: fall back to the cookie
      }
    }
    const refresh = readCookie(req, REFRESH_COOKIE);
    return refresh ? ((await this.sessions.sessionOfRefreshToken(refresh))?.id ?? null) : null;
  }
}
