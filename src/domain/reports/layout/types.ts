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
