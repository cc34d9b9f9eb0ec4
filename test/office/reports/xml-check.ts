/** A strict XML 1.0 + namespaces parse (saxes) for the tests: what is wrong, and what is there. */
import { SaxesParser } from "saxes";

export interface Parsed {
  /** well-formedness and namespace errors; empty when the text is good XML */
  readonly errors: string[];
  /** qualified names of the elements, in document order */
  readonly elements: string[];
  /** the decoded text of every a:t element, in order */
  readonly texts: string[];
}

export function parseXml(xml: string): Parsed {
  const errors: string[] = [];
  const elements: string[] = [];
  const texts: string[] = [];
  let inText: string | undefined;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentag", (t) => {
    elements.push(t.name);
    if (t.name === "a:t") inText = "";
  });
  parser.on("text", (t) => {
    if (inText !== undefined) inText += t;
  });
  parser.on("closetag", (t) => {
    if (t.name === "a:t") {
      texts.push(inText ?? "");
      inText = undefined;
    }
  });
  parser.write(xml).close();
  return { errors, elements, texts };
}

export const count = (p: Parsed, name: string): number =>
  p.elements.filter((e) => e === name).length;

/** Whether `text` holds a C0 control character other than tab, line feed and carriage return. */
export const hasControlCharacter = (text: string): boolean =>
  [...text].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 && c !== "\t" && c !== "\n" && c !== "\r";
  });
