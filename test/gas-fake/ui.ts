/**
 * SpreadsheetApp.getUi() and HtmlService. Everything shown is recorded on FakeUi for tests:
 * menus, alerts and prompts (answered from scripted queues), dialogs/sidebars, toasts.
 */
import { enumName, gasEnum } from "./enums";
import { badParameters } from "./errors";
import type { Runtime } from "./runtime";

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type ButtonName = "CLOSE" | "OK" | "CANCEL" | "YES" | "NO";

export type RecordedMenuItem =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: RecordedMenu };

export interface RecordedMenu {
  title: string;
  items: RecordedMenuItem[];
}

export interface RecordedAlert {
  kind: "alert" | "prompt";
  title: string;
  message: string;
  buttons: string;
  response: ButtonName;
  responseText?: string;
}

export interface RecordedDialog {
  kind: "modal" | "modeless" | "sidebar";
  title: string;
  html: string;
  width?: number;
  height?: number;
}

export interface RecordedToast {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

const ButtonEnum = gasEnum<typeof GoogleAppsScript.Base.Button>([
  "CLOSE",
  "OK",
  "CANCEL",
  "YES",
  "NO",
]);
const ButtonSetEnum = gasEnum<typeof GoogleAppsScript.Base.ButtonSet>([
  "OK",
  "OK_CANCEL",
  "YES_NO",
  "YES_NO_CANCEL",
]);

function button(name: ButtonName): Button {
  return name as unknown as Button; // string enum (enums.ts)
}

export type UiMethods =
  | "Button"
  | "ButtonSet"
  | "alert"
  | "prompt"
  | "createMenu"
  | "showModalDialog"
  | "showModelessDialog"
  | "showSidebar";

export class FakeUi implements Pick<GasUi, UiMethods> {
  readonly Button = ButtonEnum;
  readonly ButtonSet = ButtonSetEnum;

  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly dialogs: RecordedDialog[] = [];
  readonly toasts: RecordedToast[] = [];
  private responses: { button: ButtonName; thinkMs: number }[] = [];
  private promptAnswers: { text: string; button: ButtonName; thinkMs: number }[] = [];
  /**
   * How long a person takes to answer any alert or prompt (on top of a scripted answer's own
   * thinkMs). The clock runs meanwhile: dialog time counts toward the execution's 6-minute limit.
   */
  thinkMs = 0;

  constructor(private readonly rt: Runtime) {}

  /** queue answers for the next alerts (default: OK, or YES for YES_NO sets) */
  respond(...buttons: ButtonName[]): void {
    this.responses.push(...buttons.map((button) => ({ button, thinkMs: 0 })));
  }

  /** queue an answer for the next alert, given after `thinkMs` (see respondToPrompt) */
  respondAfter(thinkMs: number, buttonName: ButtonName): void {
    this.responses.push({ button: buttonName, thinkMs });
  }

  /**
   * queue an answer for the next prompt; `thinkMs` is how long the person takes to answer. The
   * script waits that long inside the call, on the execution's clock: "Prompts suspend the
   * server-side script while the dialog is open"
   * (https://developers.google.com/apps-script/guides/dialogs), and the execution's time limit
   * keeps running meanwhile.
   */
  respondToPrompt(text: string, buttonName: ButtonName = "OK", thinkMs = 0): void {
    this.promptAnswers.push({ text, button: buttonName, thinkMs });
  }

  /** the menu recorded under that title */
  menu(title: string): RecordedMenu | undefined {
    return this.menus.find((m) => m.title === title);
  }

  private answer(buttons: string): ButtonName {
    const scripted = this.responses.shift();
    if (scripted?.thinkMs) this.rt.wait(scripted.thinkMs);
    return scripted?.button ?? (buttons.startsWith("YES") ? "YES" : "OK");
  }

  alert(a: string, b?: string | ButtonSet, c?: ButtonSet): Button {
    return this.rt.call(
      "Ui",
      "Ui.alert",
      () => {
        const [title, message, buttons] = dialogArgs(a, b, c, "Ui.alert");
        this.rt.wait(this.thinkMs);
        const response = this.answer(buttons);
        this.alerts.push({ kind: "alert", title, message, buttons, response });
        return button(response);
      },
      { detail: String(a) },
    );
  }

  prompt(a: string, b?: string | ButtonSet, c?: ButtonSet): GoogleAppsScript.Base.PromptResponse {
    return this.rt.call(
      "Ui",
      "Ui.prompt",
      () => {
        const [title, message, buttons] = dialogArgs(a, b, c, "Ui.prompt");
        this.rt.wait(this.thinkMs);
        const scripted = this.promptAnswers.shift();
        if (scripted?.thinkMs) this.rt.wait(scripted.thinkMs);
        const response = scripted?.button ?? this.answer(buttons);
        const text = scripted?.text ?? "";
        this.alerts.push({ kind: "prompt", title, message, buttons, response, responseText: text });
        return { getResponseText: () => text, getSelectedButton: () => button(response) };
      },
      { detail: String(a) },
    );
  }

  createMenu(caption: string): GasMenu {
    return this.rt.call(
      "Ui",
      "Ui.createMenu",
      () => asGasMenu(new FakeMenu(this.rt, this, caption)),
      {
        detail: caption,
      },
    );
  }

  showModalDialog(userInterface: GasHtmlOutput, title: string): void {
    this.rt.call("Ui", "Ui.showModalDialog", () => this.show("modal", userInterface, title), {
      detail: title,
    });
  }

  showModelessDialog(userInterface: GasHtmlOutput, title: string): void {
    this.rt.call("Ui", "Ui.showModelessDialog", () => this.show("modeless", userInterface, title), {
      detail: title,
    });
  }

  showSidebar(userInterface: GasHtmlOutput): void {
    this.rt.call("Ui", "Ui.showSidebar", () => this.show("sidebar", userInterface, undefined));
  }

  private show(
    kind: RecordedDialog["kind"],
    output: GasHtmlOutput,
    title: string | undefined,
  ): void {
    if (!(output instanceof FakeHtmlOutput)) throw badParameters(`Ui.show`, [output]);
    this.dialogs.push({
      kind,
      title: title ?? output.title,
      html: output.content,
      ...(output.width === undefined ? {} : { width: output.width }),
      ...(output.height === undefined ? {} : { height: output.height }),
    });
  }

  /** Menu.addToUi lands here; a menu added again under the same title replaces the old one */
  addMenu(menu: RecordedMenu): void {
    const i = this.menus.findIndex((m) => m.title === menu.title);
    if (i >= 0) this.menus.splice(i, 1, menu);
    else this.menus.push(menu);
  }
}

function dialogArgs(
  a: string,
  b: string | ButtonSet | undefined,
  c: ButtonSet | undefined,
  method: string,
): [string, string, string] {
  if (typeof a !== "string") throw badParameters(method, [a, b, c]);
  if (c !== undefined) return [a, String(b ?? ""), enumName(c)];
  if (b !== undefined) return ["", a, enumName(b)];
  return ["", a, "OK"];
}

export type MenuMethods = "addItem" | "addSeparator" | "addSubMenu" | "addToUi";

export class FakeMenu implements Pick<GasMenu, MenuMethods> {
  readonly record: RecordedMenu;

  constructor(
    private readonly rt: Runtime,
    private readonly ui: FakeUi,
    title: string,
  ) {
    this.record = { title, items: [] };
  }

  addItem(caption: string, functionName: string): GasMenu {
    return this.rt.call(
      "Ui",
      "Menu.addItem",
      () => {
        this.record.items.push({ caption, functionName });
        return asGasMenu(this);
      },
      { detail: `${caption} -> ${functionName}` },
    );
  }

  addSeparator(): GasMenu {
    return this.rt.call("Ui", "Menu.addSeparator", () => {
      this.record.items.push({ separator: true });
      return asGasMenu(this);
    });
  }

  addSubMenu(menu: GasMenu): GasMenu {
    return this.rt.call("Ui", "Menu.addSubMenu", () => {
      if (!(menu instanceof FakeMenu)) throw badParameters("Menu.addSubMenu", [menu]);
      this.record.items.push({ submenu: menu.record });
      return asGasMenu(this);
    });
  }

  addToUi(): void {
    this.rt.call("Ui", "Menu.addToUi", () => this.ui.addMenu(this.record), {
      detail: this.record.title,
    });
  }
}

/** One cast: FakeMenu implements only MenuMethods. */
function asGasMenu(menu: FakeMenu): GasMenu {
  return menu as unknown as GasMenu;
}

export type HtmlOutputMethods =
  | "getContent"
  | "setContent"
  | "append"
  | "clear"
  | "getTitle"
  | "setTitle"
  | "getWidth"
  | "setWidth"
  | "getHeight"
  | "setHeight";

export class FakeHtmlOutput implements Pick<GasHtmlOutput, HtmlOutputMethods> {
  title = "";
  width: number | undefined;
  height: number | undefined;

  constructor(
    private readonly rt: Runtime,
    public content: string,
  ) {}

  private step(method: string, change: () => void): GasHtmlOutput {
    return this.rt.call("HtmlService", `HtmlOutput.${method}`, () => {
      change();
      return asGasHtml(this);
    });
  }

  getContent(): string {
    return this.rt.call("HtmlService", "HtmlOutput.getContent", () => this.content);
  }

  setContent(content: string): GasHtmlOutput {
    return this.step("setContent", () => {
      this.content = content;
    });
  }

  append(addedContent: string): GasHtmlOutput {
    return this.step("append", () => {
      this.content += addedContent;
    });
  }

  clear(): GasHtmlOutput {
    return this.step("clear", () => {
      this.content = "";
    });
  }

  getTitle(): string {
    return this.rt.call("HtmlService", "HtmlOutput.getTitle", () => this.title);
  }

  setTitle(title: string): GasHtmlOutput {
    return this.step("setTitle", () => {
      this.title = title;
    });
  }

  getWidth(): number {
    return this.rt.call("HtmlService", "HtmlOutput.getWidth", () => this.width ?? 600);
  }

  setWidth(width: number): GasHtmlOutput {
    return this.step("setWidth", () => {
      this.width = width;
    });
  }

  getHeight(): number {
    return this.rt.call("HtmlService", "HtmlOutput.getHeight", () => this.height ?? 400);
  }

  setHeight(height: number): GasHtmlOutput {
    return this.step("setHeight", () => {
      this.height = height;
    });
  }
}

/** One cast: FakeHtmlOutput implements only HtmlOutputMethods. */
function asGasHtml(output: FakeHtmlOutput): GasHtmlOutput {
  return output as unknown as GasHtmlOutput;
}

export class FakeHtmlService
  implements Pick<GoogleAppsScript.HTML.HtmlService, "createHtmlOutput">
{
  constructor(private readonly rt: Runtime) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    return this.rt.call("HtmlService", "HtmlService.createHtmlOutput", () => {
      const content =
        html === undefined
          ? ""
          : typeof html === "string"
            ? html
            : html.getBlob().getDataAsString();
      return asGasHtml(new FakeHtmlOutput(this.rt, content));
    });
  }
}
