/** The editAsText() view of a Docs element, and what every element class shares. */
import { type DocNode, type FakeDocument, textOf } from "./document-model";
import { GasError } from "./errors";
import type { Runtime } from "./runtime";

type ElementType = GoogleAppsScript.Document.ElementType;
type GasText = GoogleAppsScript.Document.Text;
type Attrs = Record<string, unknown>;

/** one per opened Document handle; closing it makes its elements throw */
export interface Session {
  closed: boolean;
  doc: FakeDocument;
}

export const CLOSED = "Document is closed, its contents cannot be updated.";

/** One cast per class family: each fake implements only a Pick of its GAS interface. */
export function asGas<T>(element: object): T {
  return element as unknown as T;
}

export type TextMethods =
  | "getText"
  | "setText"
  | "appendText"
  | "setBold"
  | "setItalic"
  | "setFontSize"
  | "setForegroundColor"
  | "setBackgroundColor"
  | "setAttributes"
  | "getType";

/** editAsText() view of a paragraph / list item / cell / body */
export class FakeText implements Pick<GasText, TextMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly session: Session,
    private readonly target: DocNode,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.rt.call(
      "DocumentApp",
      `Text.${method}`,
      () => {
        if (this.session.closed) throw new GasError(CLOSED);
        return body();
      },
      { detail: this.session.doc.id },
    );
  }

  private self(): GasText {
    return asGas<GasText>(this);
  }

  /** (attributes) for the whole text, or (start, endInclusive, ...) for part of it */
  private style(method: string, args: unknown[], attribute: string): GasText {
    return this.call(method, () => {
      if (args.length >= 3) {
        const [start, end, value] = args;
        this.target.spans.push({
          start: Number(start),
          end: Number(end),
          attributes: { [attribute]: value },
        });
      } else {
        this.target.attributes[attribute] = args[0];
      }
      return this.self();
    });
  }

  /** fake-only (not ledgered) */
  plainText(): string {
    return textOf(this.target);
  }

  getText(): string {
    return this.call("getText", () => textOf(this.target));
  }

  setText(text: string): GasText {
    return this.call("setText", () => {
      this.target.text = text;
      this.target.spans = [];
      return this.self();
    });
  }

  appendText(text: string): GasText {
    return this.call("appendText", () => {
      this.target.text += text;
      return this.self();
    });
  }

  setBold(...args: unknown[]): GasText {
    return this.style("setBold", args, "BOLD");
  }

  setItalic(...args: unknown[]): GasText {
    return this.style("setItalic", args, "ITALIC");
  }

  setFontSize(...args: unknown[]): GasText {
    return this.style("setFontSize", args, "FONT_SIZE");
  }

  setForegroundColor(...args: unknown[]): GasText {
    return this.style("setForegroundColor", args, "FOREGROUND_COLOR");
  }

  setBackgroundColor(...args: unknown[]): GasText {
    return this.style("setBackgroundColor", args, "BACKGROUND_COLOR");
  }

  setAttributes(...args: unknown[]): GasText {
    return this.call("setAttributes", () => {
      const attrs = (args.length >= 3 ? args[2] : args[0]) as Attrs;
      if (args.length >= 3) {
        this.target.spans.push({
          start: Number(args[0]),
          end: Number(args[1]),
          attributes: { ...attrs },
        });
      } else {
        Object.assign(this.target.attributes, attrs);
      }
      return this.self();
    });
  }

  getType(): ElementType {
    return this.call("getType", () => "TEXT" as unknown as ElementType); // string enum
  }
}
