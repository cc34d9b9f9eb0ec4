/**
 * Who we are to Google: GENKI_ACCESS_TOKEN when set, else the login `npx clasp login` stored.
 *
 * clasp 3.x keeps its logins in ~/.clasprc.json (or the file/folder in $clasp_config_auth) as
 * { "tokens": { "default": { type: "authorized_user", client_id, client_secret, access_token,
 * refresh_token, expiry_date } } } (clasp src/auth/file_credential_store.ts); clasp 1.x/2.x wrote
 * the token fields at the top level (global file) or under "token" + "oauth2ClientSettings"
 * (project file). All three are read (the 1.x global file names no OAuth client, so its
 * access token is used until it expires). The refresh token lets googleapis' OAuth2 client renew an
 * expired access token by itself. Tokens are never printed: nothing here returns them as text.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { auth } from "@googleapis/drive";
import { DeployError } from "./errors";

interface StoredLogin {
  client_id?: string;
  client_secret?: string;
  access_token?: string;
  refresh_token?: string;
  expiry_date?: number;
  token_type?: string;
}

export type Login =
  | { readonly kind: "token"; readonly accessToken: string }
  | { readonly kind: "clasp"; readonly file: string; readonly stored: StoredLogin }
  | { readonly kind: "none"; readonly file: string };

export type OAuthClient = InstanceType<typeof auth.OAuth2>;

export function claspLoginFile(env: NodeJS.ProcessEnv, home = homedir()): string {
  const configured = env.clasp_config_auth;
  if (configured) {
    const path = resolve(configured);
    return existsSync(path) && statSync(path).isDirectory() ? join(path, ".clasprc.json") : path;
  }
  return join(home, ".clasprc.json");
}

function storedLogin(content: Record<string, unknown>): StoredLogin | undefined {
  const tokens = content.tokens as Record<string, StoredLogin | undefined> | undefined;
  if (tokens?.default) return tokens.default;
  const legacyToken = content.token as StoredLogin | undefined;
  const legacyClient = content.oauth2ClientSettings as
    | { clientId?: string; clientSecret?: string }
    | undefined;
  if (legacyToken && legacyClient) {
    return {
      ...legacyToken,
      ...(legacyClient.clientId ? { client_id: legacyClient.clientId } : {}),
      ...(legacyClient.clientSecret ? { client_secret: legacyClient.clientSecret } : {}),
    };
  }
  // clasp 1.x global file: no client stored, so the access token is used until it expires
  // (then the message asks for a fresh `npx clasp login`).
  if (typeof content.access_token === "string") return content as StoredLogin;
  return undefined;
}

/** Finds the login without touching the network. */
export function findLogin(env: NodeJS.ProcessEnv, home?: string): Login {
  const token = env.GENKI_ACCESS_TOKEN?.trim();
  if (token) return { kind: "token", accessToken: token };
  const file = claspLoginFile(env, home);
  if (!existsSync(file)) return { kind: "none", file };
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new DeployError({ code: "deploy-login-unreadable", params: { file } });
  }
  const stored =
    content && typeof content === "object"
      ? storedLogin(content as Record<string, unknown>)
      : undefined;
  if (!stored || (!stored.access_token && !stored.refresh_token)) return { kind: "none", file };
  return { kind: "clasp", file, stored };
}

/**
 * googleapis' OAuth2 client for the login; a missing login is a DeployError. `tokenUrl`
 * replaces Google's token endpoint (tests; the default is Google's).
 */
export function oauthClient(login: Login, tokenUrl?: string): OAuthClient {
  if (login.kind === "none") throw new DeployError({ code: "deploy-not-logged-in", params: {} });
  if (login.kind === "token") {
    const client = new auth.OAuth2();
    client.setCredentials({ access_token: login.accessToken });
    return client;
  }
  const s = login.stored;
  const client = new auth.OAuth2({
    ...(tokenUrl ? { endpoints: { oauth2TokenUrl: tokenUrl } } : {}),
    ...(s.client_id ? { clientId: s.client_id } : {}),
    ...(s.client_secret ? { clientSecret: s.client_secret } : {}),
  });
  client.setCredentials({
    ...(s.access_token ? { access_token: s.access_token } : {}),
    ...(s.refresh_token ? { refresh_token: s.refresh_token } : {}),
    // no expiry known: let a refresh token renew it first rather than send a stale one
    expiry_date: s.expiry_date ?? (s.refresh_token ? 0 : null),
    ...(s.token_type ? { token_type: s.token_type } : {}),
  });
  return client;
}
