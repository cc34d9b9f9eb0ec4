/**
 * The deploy flow: .xlsx → Google Sheet → bound Apps Script project → our build in it.
 * Nothing half-made is left silently: when a later step fails, the spreadsheet made by the
 * first step is deleted (its bound script goes with it), or, if even that fails, named in the
 * error so the person can delete it.
 */
import { DeployError, type StepCode } from "./errors";
import type { GoogleApi, ScriptFile } from "./google-api";

export interface DeployInput {
  readonly title: string;
  readonly xlsx: Uint8Array;
  readonly files: readonly ScriptFile[];
}

export interface DeployOutcome {
  readonly spreadsheetId: string;
  readonly url: string;
  readonly scriptId: string;
}

export type StepListener = (step: StepCode) => void;

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The ID in a Sheets URL (…/spreadsheets/d/ID/…) or a bare ID; undefined when it is neither. */
export function spreadsheetIdOf(ref: string): string | undefined {
  const text = ref.trim();
  const inUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  if (inUrl) return inUrl[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(text) ? text : undefined;
}

async function step<T>(code: StepCode, onStep: StepListener, run: () => Promise<T>): Promise<T> {
  onStep(code);
  try {
    return await run();
  } catch (e) {
    if (e instanceof DeployError) throw e.at(code);
    throw e;
  }
}

export async function deployRegistry(
  api: GoogleApi,
  input: DeployInput,
  onStep: StepListener = () => {},
): Promise<DeployOutcome> {
  const { id } = await step("deploy-step-upload", onStep, () =>
    api.uploadAsSheet(input.title, input.xlsx),
  );
  try {
    const { scriptId } = await step("deploy-step-project", onStep, () =>
      api.createBoundProject(input.title, id),
    );
    await step("deploy-step-content", onStep, () => api.updateContent(scriptId, input.files));
    return { spreadsheetId: id, url: spreadsheetUrl(id), scriptId };
  } catch (e) {
    if (!(e instanceof DeployError)) throw e;
    onStep("deploy-step-delete");
    let removed = false;
    try {
      await api.deleteFile(id);
      removed = true;
    } catch {
      // named in the message below instead
    }
    throw removed
      ? new DeployError(e.failure, e.step, undefined, true)
      : new DeployError(e.failure, e.step, { title: input.title, url: spreadsheetUrl(id) });
  }
}

export async function pushBuild(
  api: GoogleApi,
  scriptId: string,
  files: readonly ScriptFile[],
  onStep: StepListener = () => {},
): Promise<void> {
  await step("deploy-step-content", onStep, () => api.updateContent(scriptId, files));
}

export async function exportRegistry(
  api: GoogleApi,
  spreadsheetId: string,
  onStep: StepListener = () => {},
): Promise<Uint8Array> {
  return step("deploy-step-export", onStep, () => api.exportXlsx(spreadsheetId));
}
