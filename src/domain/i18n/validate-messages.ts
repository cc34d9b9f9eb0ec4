/** Messages of the registry-wide rules in src/domain/validate (same conventions as catalogue.ts). */
export const VALIDATE_MESSAGES = {} as const satisfies Record<string, { ja: string; en: string }>;
