/**
 * Truncated exponential backoff, as Google asks of API clients: wait 1 s + jitter, 2 s + jitter,
 * 4 s + jitter … up to a maximum, then give up
 * (https://developers.google.com/drive/api/guides/limits#exponential). A Retry-After header,
 * when Google sends one, is honoured if it asks for longer. The wait is injectable so tests run
 * at full speed and can read back the schedule.
 */
import { DeployError, describeGoogleError, googleErrorInfo, isRetryable } from "./errors";

export interface RetryPolicy {
  /** total tries, the first included */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1, for the jitter */
  readonly random: () => number;
  /** told before each pause (for a progress line) */
  readonly onRetry?: (info: {
    status: string;
    waitMs: number;
    attempt: number;
    max: number;
  }) => void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseMs: 1000,
  maxMs: 32_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export function backoffMs(policy: RetryPolicy, retry: number, retryAfterS?: number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
  const jittered = exponential + Math.floor(policy.random() * 1000);
  const asked = retryAfterS !== undefined ? Math.min(retryAfterS * 1000, policy.maxMs * 2) : 0;
  return Math.max(jittered, asked);
}

/**
 * Runs `call` until it succeeds, a non-retryable error comes, or the attempts are used up;
 * failures leave as a DeployError with a message code.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  context: { host: string; id?: string },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (e instanceof DeployError) throw e;
      const info = googleErrorInfo(e);
      if (!isRetryable(info) || attempt >= policy.attempts) {
        throw new DeployError(describeGoogleError(info, { ...context, attempts: attempt }));
      }
      const waitMs = backoffMs(policy, attempt, info.retryAfter);
      policy.onRetry?.({
        status: info.status !== undefined ? `HTTP ${info.status}` : (info.networkCode ?? "?"),
        waitMs,
        attempt: attempt + 1,
        max: policy.attempts,
      });
      await policy.sleep(waitMs);
    }
  }
}
