/** What `genki deploy` and `genki download` share: options, login, the API client, messages. */

import { findLogin, type Login, oauthClient } from "../deploy/credentials";
import { dryRunRecorder, type PlannedRequest } from "../deploy/dry-run";
import { DeployError, type StepCode } from "../deploy/errors";
import { type GoogleApi, googleApi } from "../deploy/google-api";
import { DEFAULT_RETRY, type RetryPolicy } from "../deploy/retry";
import { type DeployMessageCode, deployMessage } from "../domain/i18n/deploy-messages";
import type { Lang } from "../domain/schema";
import { OfflineError } from "../office/offline-error";
import { errorText } from "./error-text";
import { UnreadableFileError } from "./workbook";

export interface GoogleOptions {
  dryRun?: boolean;
  json?: boolean;
  lang?: string;
  apiRoot?: string;
}

/** The outside world of a run; tests give their own (a fast pause, a captured output). */
export interface DeployIo {
  readonly env: NodeJS.ProcessEnv;
  /** where ~/.clasprc.json is looked for (default: the user's home) */
  readonly home?: string;
  /** the genki-plan folder (dist/ and scripts/build.mjs) */
  readonly root: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly retry?: Partial<RetryPolicy>;
  /** where an expired clasp login is renewed (default: Google's token endpoint) */
  readonly tokenUrl?: string;
}

export interface Session {
  readonly api: GoogleApi;
  readonly login: Login;
  /** the recorded requests of a dry run (undefined when requests really go out) */
  readonly plan?: PlannedRequest[];
  say(code: DeployMessageCode, params: Readonly<Record<string, string | number>>): string;
}

export function checkCommonOptions(opts: GoogleOptions): void {
  if (opts.lang !== undefined && opts.lang !== "ja" && opts.lang !== "en") {
    throw new DeployError({ code: "deploy-bad-lang", params: {} });
  }
  if (opts.apiRoot !== undefined) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(opts.apiRoot).protocol);
    } catch {
      ok = false;
    }
    if (!ok)
      throw new DeployError({ code: "deploy-bad-api-root", params: { value: opts.apiRoot } });
  }
}

export function connect(opts: GoogleOptions, io: DeployIo, lang: Lang): Session {
  const say: Session["say"] = (code, params) => deployMessage(code, params, lang);
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY,
    ...io.retry,
    onRetry: (r) =>
      io.err(
        say("deploy-retrying", {
          status: r.status,
          seconds: (r.waitMs / 1000).toFixed(1),
          attempt: r.attempt,
          max: r.max,
        }),
      ),
  };
  const apiRoot = opts.apiRoot ? { apiRoot: opts.apiRoot } : {};
  if (opts.dryRun) {
    let login: Login;
    try {
      login = findLogin(io.env, io.home);
    } catch {
      login = { kind: "none", file: "~/.clasprc.json" };
    }
    const recorder = dryRunRecorder();
    const api = googleApi({ ...apiRoot, retry, adapter: recorder.adapter });
    return { api, login, plan: recorder.requests, say };
  }
  const login = findLogin(io.env, io.home);
  const api = googleApi({ ...apiRoot, retry, auth: oauthClient(login, io.tokenUrl) });
  return { api, login, say };
}

/** Progress goes to stderr so that --json keeps stdout to itself. */
export function stepReporter(opts: GoogleOptions, io: DeployIo, lang: Lang): (s: StepCode) => void {
  return (step) => {
    if (opts.dryRun || opts.json) return;
    io.err(deployMessage("deploy-progress", { step: deployMessage(step, {}, lang) }, lang));
  };
}

function loginText(login: Login, lang: Lang): string {
  if (login.kind === "token") return deployMessage("deploy-login-token", {}, lang);
  if (login.kind === "clasp")
    return deployMessage("deploy-login-clasp", { file: login.file }, lang);
  return deployMessage("deploy-login-none", {}, lang);
}

export function printPlan(session: Session, opts: GoogleOptions, io: DeployIo, lang: Lang): number {
  const requests = session.plan ?? [];
  if (opts.json) {
    io.out(
      JSON.stringify({ ok: true, dryRun: true, login: session.login.kind, requests }, null, 2),
    );
    return 0;
  }
  io.out(session.say("deploy-dry-run", { count: requests.length }));
  requests.forEach((r, i) => {
    io.out(`${i + 1}. ${r.method} ${r.url}`);
    if (r.body) io.out(`   ${r.body}`);
  });
  io.out(session.say("deploy-dry-run-login", { login: loginText(session.login, lang) }));
  return 0;
}

export function failureText(e: DeployError, lang: Lang): string {
  const reason = deployMessage(e.failure.code, e.failure.params, lang);
  const lines = [
    e.step
      ? deployMessage("deploy-failed-at", { step: deployMessage(e.step, {}, lang), reason }, lang)
      : reason,
  ];
  if (e.rolledBack) lines.push(deployMessage("deploy-rolled-back", {}, lang));
  if (e.leftBehind) lines.push(deployMessage("deploy-left-behind", e.leftBehind, lang));
  return lines.join("\n");
}

/** Every failure: a message on stderr (and a JSON record with --json), exit code 2. */
export function reportFailure(e: unknown, opts: GoogleOptions, io: DeployIo, lang: Lang): number {
  if (
    !(e instanceof DeployError) &&
    !(e instanceof UnreadableFileError || e instanceof OfflineError)
  )
    throw e;
  // a registry that cannot be read is said in the words every genki command uses
  const message = e instanceof DeployError ? failureText(e, lang) : errorText(e, lang);
  io.err(message);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          ok: false,
          code:
            e instanceof DeployError
              ? e.failure.code
              : e instanceof OfflineError
                ? e.code
                : "unreadable-file",
          message,
          ...(e instanceof DeployError && e.leftBehind ? { leftBehind: e.leftBehind } : {}),
        },
        null,
        2,
      ),
    );
  }
  return 2;
}
