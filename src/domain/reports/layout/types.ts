/**
 * A laid-out page: boxes in points, with their fills, lines and text already wrapped. Painters
 * (Slides requests, Docs, pptxgenjs, docx) turn each element into their own calls one to one;
 * they never measure text or choose a position.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A run of text of one style; "\n" inside `text` breaks the line (the layout wrapped it). */
export interface TextRun {
  readonly text: string;
  /** points */
  readonly size: number;
  /** hex without # */
  readonly color: string;
  readonly bold?: boolean;
  /** hex without #: a shaded run (the bars of the Docs' per-取組 chart) */
  readonly background?: string;
}

export type Align = "left" | "center" | "right";
export type VAlign = "top" | "middle" | "bottom";

export type LayoutElement =
  | {
      readonly kind: "rect";
      /** unique on its slide; painters derive object IDs from it */
      readonly id: string;
      readonly box: Box;
      readonly fill: string;
      /** outline colour; none when absent */
      readonly line?: string;
    }
  | {
      readonly kind: "line";
      readonly id: string;
      readonly box: Box;
      readonly color: string;
      /** points */
      readonly weight: number;
    }
  | {
      readonly kind: "text";
      readonly id: string;
      readonly box: Box;
      readonly runs: readonly TextRun[];
      readonly align: Align;
      readonly valign: VAlign;
      readonly fill?: string;
    };

export interface SlideLayout {
  readonly id: string;
  readonly elements: readonly LayoutElement[];
}

export interface DeckLayout {
  readonly title: string;
  /** points: 720 × 405 (16:9) */
  readonly width: number;
  readonly height: number;
  /** the fonts to name, first choice first (see theme.FONT_STACK) */
  readonly fonts: readonly string[];
  readonly slides: readonly SlideLayout[];
}

/**
 * A laid-out document (柱別報告書): a flow of blocks that the word processor sets on pages.
 * Sizes and widths are points; "\n" in a run is a line break inside its paragraph or cell (the
 * layout wrapped it). Keep hints say what must stay on one page; painters pass them on.
 */
export interface DocParagraph {
  readonly kind: "paragraph";
  readonly runs: readonly TextRun[];
  /** 0 body text, 1 section heading, 2 取組 heading (shown in the outline) */
  readonly level: 0 | 1 | 2;
  readonly align: Align;
  readonly before: number;
  readonly after: number;
  /** a band of colour behind the paragraph */
  readonly fill?: string;
  /** stays on the page of the block that follows */
  readonly keepWithNext?: boolean;
  /** starts a new page */
  readonly pageBreakBefore?: boolean;
}

export interface DocCell {
  readonly runs: readonly TextRun[];
  readonly fill?: string;
  readonly align?: Align;
}

export interface DocTable {
  readonly kind: "table";
  /** column widths, points */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly DocCell[])[];
  /** border colour; none when absent */
  readonly border?: string;
  /** cell padding, points */
  readonly padding: number;
  /** font size of the cells' empty lines (and so the least row height) */
  readonly size: number;
  /** rows never split across pages, and the table stays with the block that follows */
  readonly keepWithNext: boolean;
}

export type DocBlock = DocParagraph | DocTable;

export interface DocLayout {
  readonly title: string;
  /** A4 portrait in points, and its margins */
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly bottom: number; readonly side: number };
  /** the fonts to name, first choice first (theme.FONT_STACK) */
  readonly fonts: readonly string[];
  /** the running header, right-aligned on every page */
  readonly header: string;
  readonly blocks: readonly DocBlock[];
  /** index in `blocks` where the 取組 begin (blocks.length when there are none) */
  readonly measuresFrom: number;
}
