import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';

/** The Cognito group whose members see and change everything. */
export const ADMINISTRATORS_GROUP = 'administrators';

/** Where the user pool is, as the functions' environment names it. */
export interface UserPoolSettings {
  userPoolId: string;
  clientId: string;
  /**
   * A password every user gets instead of an invitation. Only the local stack sets it: cognito-local
   * sends no email, and a documented password lets a person sign in at once.
   */
  fixedPassword: string | null;
}

/** Signing in either gives tokens, or asks for a new password first (a user's first sign-in). */
export type SignInOutcome = { outcome: 'signed-in'; tokens: SessionTokens } | { outcome: 'new-password-required'; session: string };

export interface SessionTokens {
  idToken: string;
  refreshToken: string | null;
  expiresInSeconds: number;
}

function tokensFrom(result: AuthenticationResultType | undefined, refreshToken: string | null = null): SessionTokens {
  if (!result?.IdToken) throw new Error('Cognito answered without an ID token');
  return { idToken: result.IdToken, refreshToken: result.RefreshToken ?? refreshToken, expiresInSeconds: result.ExpiresIn ?? 3600 };
}

/** The Cognito adapter: the users who sign in, their administrator group, and signing in. */
export class UserPool {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    readonly settings: UserPoolSettings,
  ) {}

  private async exists(email: string): Promise<boolean> {
    try {
      await this.client.send(new AdminGetUserCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
      return true;
    } catch (error) {
      if (error instanceof UserNotFoundException || (error as Error).name === 'UserNotFoundException') return false;
      throw error;
    }
  }

  /**
   * Makes sure the user can sign in, as an administrator or not: a new user is invited by email (or,
   * with a fixed password, given it), one disabled before is enabled again.
   */
  async ensureUser(email: string, admin: boolean): Promise<void> {
    const { userPoolId, fixedPassword } = this.settings;
    if (!(await this.exists(email))) {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          ...(fixedPassword ? { MessageAction: 'SUPPRESS' } : { DesiredDeliveryMediums: ['EMAIL'] }),
        }),
      );
      if (fixedPassword) {
        await this.client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: fixedPassword, Permanent: true }));
      }
    } else {
      await this.client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: email }));
    }
    const group = { UserPoolId: userPoolId, Username: email, GroupName: ADMINISTRATORS_GROUP };
    await this.client.send(admin ? new AdminAddUserToGroupCommand(group) : new AdminRemoveUserFromGroupCommand(group));
  }

  /** The user can no longer sign in; their record and history stay. */
  async disableUser(email: string): Promise<void> {
    if (await this.exists(email)) await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
  }

  async signIn(email: string, password: string): Promise<SignInOutcome> {
    const response = await this.client.send(
      new InitiateAuthCommand({ ClientId: this.settings.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED') return { outcome: 'new-password-required', session: response.Session ?? '' };
    return { outcome: 'signed-in', tokens: tokensFrom(response.AuthenticationResult) };
  }

  async setNewPassword(email: string, session: string, newPassword: string): Promise<SessionTokens> {
    const response = await this.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: this.settings.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
      }),
    );
    return tokensFrom(response.AuthenticationResult);
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const response = await this.client.send(
      new InitiateAuthCommand({ ClientId: this.settings.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    );
    return tokensFrom(response.AuthenticationResult, refreshToken);
  }

  /** Ends a session for good: the refresh token can make no new one. */
  async revoke(refreshToken: string): Promise<void> {
    await this.client.send(new RevokeTokenCommand({ ClientId: this.settings.clientId, Token: refreshToken }));
  }

  async forgotPassword(email: string): Promise<void> {
    await this.client.send(new ForgotPasswordCommand({ ClientId: this.settings.clientId, Username: email }));
  }

  async resetPassword(email: string, code: string, newPassword: string): Promise<void> {
    await this.client.send(
      new ConfirmForgotPasswordCommand({ ClientId: this.settings.clientId, Username: email, ConfirmationCode: code, Password: newPassword }),
    );
  }
}
