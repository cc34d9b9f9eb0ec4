/** The annual deck's Slides request list: built from plain DeckModels, checked without Google. */
import type { slides_v1 } from "googleapis";
import { describe, expect, it } from "vitest";
import type { DeckModel } from "../../../src/domain/reports";
import {
  buildDeckRequests,
  createdIds,
  deckRequests,
  INSET_X,
  isValidObjectId,
  lineCount,
  referencedIds,
  theme,
  toGasRequests,
} from "../../../src/gas/slides/requests";
import { createGasFake } from "../../gas-fake";
import { NO_SUBMISSIONS } from "../../support/report-submissions";
import { checkRequests } from "./check";
import {
  bigPillarDeck,
  modelTexts,
  PLAN,
  SEED_ISSUES,
  SEED_PILLARS,
  seedDeck,
  submissionRow,
} from "./fixtures";

type Request = slides_v1.Schema$Request;

const insertedTexts = (requests: readonly Request[]): string[] =>
  requests.flatMap((r) => (r.insertText?.text ? [r.insertText.text] : []));

/** createShape geometry by object ID */
function shapes(requests: readonly Request[]) {
  const out = new Map<string, { x: number; y: number; w: number; h: number; page: string }>();
  for (const r of requests) {
    const c = r.createShape;
    const p = c?.elementProperties;
    if (!c?.objectId || !p) continue;
    out.set(c.objectId, {
      x: p.transform?.translateX ?? Number.NaN,
      y: p.transform?.translateY ?? Number.NaN,
      w: p.size?.width?.magnitude ?? Number.NaN,
      h: p.size?.height?.magnitude ?? Number.NaN,
      page: p.pageObjectId ?? "",
    });
  }
  return out;
}

/** the fill set on a shape by updateShapeProperties, as 0..1 RGB */
function fillOf(requests: readonly Request[], objectId: string) {
  const u = requests.find(
    (r) =>
      r.updateShapeProperties?.objectId === objectId &&
      r.updateShapeProperties.shapeProperties?.shapeBackgroundFill,
  );
  return u?.updateShapeProperties?.shapeProperties?.shapeBackgroundFill?.solidFill?.color?.rgbColor;
}

/** a new presentation in a fresh fake, with its default slide */
function newPresentation() {
  const fake = createGasFake();
  const p = fake.services.Slides.Presentations.create({ title: "t" });
  const id = p.presentationId ?? "";
  const existing = (p.slides ?? []).flatMap((s) => (s.objectId ? [s.objectId] : []));
  return { fake, id, existing };
}

describe("deckRequests on the seed plan", () => {
  const deck = seedDeck();
  const existing = ["p"];
  const build = buildDeckRequests(deck, { existingSlideIds: existing });
  const requests = build.requests;

  it("creates exactly 9 slides, one per model slide, in order", () => {
    const created = requests.flatMap((r) => (r.createSlide ? [r.createSlide] : []));
    expect(created).toHaveLength(9);
    expect(deck.slides).toHaveLength(9);
    expect(created.map((c) => c.objectId)).toEqual(build.slideIds);
    for (const c of created) {
      expect(c.slideLayoutReference).toEqual({ predefinedLayout: "BLANK" });
      expect(c.insertionIndex).toBeUndefined(); // appended after the old slides
    }
  });

  it("gives every created object a unique, valid ID that starts with a letter", () => {
    const ids = createdIds(requests);
    expect(ids.length).toBeGreaterThan(150);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isValidObjectId(id), id).toBe(true);
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_\-:]{4,49}$/);
      expect(existing).not.toContain(id);
    }
  });

  it("references only objects created earlier in the list or already there", () => {
    const known = new Set(existing);
    let references = 0;
    requests.forEach((r, i) => {
      for (const id of referencedIds([r])) {
        references += 1;
        expect(known.has(id), `request #${i} references ${id}`).toBe(true);
      }
      for (const id of createdIds([r])) known.add(id);
    });
    expect(references).toBeGreaterThan(ids().length); // styles, text and cells reference them
    function ids() {
      return createdIds(requests);
    }
  });

  it("passes the stricter request checks (cells, masks, text before style, on the page)", () => {
    expect(checkRequests(requests, { existing })).toEqual([]);
  });

  it("inserts every text of the model whole", () => {
    const texts = insertedTexts(requests);
    const all = texts.join("\u0000");
    const wanted = modelTexts(deck);
    expect(wanted).toContain(PLAN);
    for (const p of SEED_PILLARS) {
      expect(wanted).toContain(`${p.id} ${p.name}`);
      for (const x of p.measures) expect(wanted).toContain(x.content);
    }
    for (const i of SEED_ISSUES) expect(wanted).toContain(i.issue);
    for (const w of wanted) expect(all, w).toContain(w);
    // fields laid out as their own text are inserted exactly, not cut
    for (const p of SEED_PILLARS) {
      expect(texts).toContain(`${p.id} ${p.name}`);
      expect(texts).toContain(p.strategy);
      for (const x of p.measures) {
        expect(texts).toContain(x.id);
        expect(texts).toContain(x.content);
        expect(texts).toContain(x.figure);
      }
    }
    for (const i of SEED_ISSUES) {
      expect(texts).toContain(i.issue);
      expect(texts).toContain(i.next);
    }
    expect(texts).toContain(PLAN);
    expect(texts).toContain("平成24年度 年次報告");
    expect(texts).toContain("全14取組のうち12取組が提出済みです。");
  });

  it("numbers every slide but the title as n / N", () => {
    const texts = insertedTexts(requests);
    for (let n = 2; n <= 9; n += 1) expect(texts).toContain(`${n} / 9`);
    expect(texts).not.toContain("1 / 9");
  });

  it("draws each submission bar as the submitted share of a full-width track", () => {
    const geo = shapes(requests);
    const overview = deck.slides[1];
    if (overview?.kind !== "overview") throw new Error("fixture: slide 2 is the overview");
    const slide = build.slideIds[1] ?? "";
    overview.submission.forEach((row, i) => {
      const n = String(i).padStart(2, "0");
      const track = geo.get(`${slide}_sub_t${n}`);
      const done = geo.get(`${slide}_sub_r${n}_p00`);
      expect(track, `track ${i}`).toBeDefined();
      if (!track || !done) throw new Error(`no bar for row ${i}`);
      const submitted = row.parts[0]?.value ?? 0;
      expect(done.w / track.w).toBeCloseTo(submitted / row.total, 2);
      expect(done.x).toBeCloseTo(track.x, 2);
      expect(done.page).toBe(slide);
    });
    // every track the same width: rows compare at a glance
    const widths = overview.submission.map(
      (_, i) => geo.get(`${slide}_sub_t${String(i).padStart(2, "0")}`)?.w,
    );
    expect(new Set(widths).size).toBe(1);
  });

  it("stacks grade segments edge to edge, each proportional to its count", () => {
    const geo = shapes(requests);
    const overview = deck.slides[1];
    if (overview?.kind !== "overview") throw new Error("fixture: slide 2 is the overview");
    const slide = build.slideIds[1] ?? "";
    overview.grades.forEach((row, i) => {
      const n = String(i).padStart(2, "0");
      const track = geo.get(`${slide}_grd_t${n}`);
      if (!track) throw new Error(`no track ${i}`);
      let x = track.x;
      row.parts.forEach((part, j) => {
        const seg = geo.get(`${slide}_grd_r${n}_p${String(j).padStart(2, "0")}`);
        if (part.value === 0) {
          expect(seg).toBeUndefined();
          return;
        }
        if (!seg) throw new Error(`no segment ${i}/${j}`);
        expect(seg.x).toBeCloseTo(x, 1);
        expect(seg.w / track.w).toBeCloseTo(part.value / row.total, 2);
        x = seg.x + seg.w;
      });
      expect(x).toBeCloseTo(track.x + track.w, 1);
    });
  });

  it("colours parts by key: 提出/未提出, grades A–D and 未評価 from the theme", () => {
    const slide = build.slideIds[1] ?? "";
    const rgb = (hex: string) => {
      const h = hex.replace("#", "");
      const c = (i: number) =>
        Math.round((Number.parseInt(h.slice(i, i + 2), 16) / 255) * 1000) / 1000;
      return { red: c(0), green: c(2), blue: c(4) };
    };
    expect(fillOf(requests, `${slide}_sub_r00_p00`)).toEqual(rgb(theme.colors.submitted));
    // 柱-3 has one of two unsubmitted
    expect(fillOf(requests, `${slide}_sub_r02_p01`)).toEqual(rgb(theme.colors.pending));
    // 柱-1: A=1 (part 0), B=2 (part 1)
    expect(fillOf(requests, `${slide}_grd_r00_p00`)).toEqual(rgb(theme.colors.grades.A ?? ""));
    expect(fillOf(requests, `${slide}_grd_r00_p01`)).toEqual(rgb(theme.colors.grades.B ?? ""));
    // 柱-3: one ungraded (part 4)
    expect(fillOf(requests, `${slide}_grd_r02_p04`)).toEqual(rgb(theme.colors.ungraded));
  });

  it("puts each pillar's measures in a 4-column table with a styled header", () => {
    SEED_PILLARS.forEach((p, k) => {
      const slide = build.slideIds[k + 2] ?? "";
      const table = requests.find((r) => r.createTable?.elementProperties?.pageObjectId === slide);
      expect(table?.createTable?.rows).toBe(p.measures.length + 1);
      expect(table?.createTable?.columns).toBe(4);
      const tableId = table?.createTable?.objectId ?? "";
      const header = requests
        .filter(
          (r) => r.insertText?.objectId === tableId && r.insertText.cellLocation?.rowIndex === 0,
        )
        .map((r) => r.insertText?.text);
      expect(header).toEqual(["取組ID", "取組内容", "評価", "主な数値"]);
      const headerStyles = requests.filter(
        (r) =>
          r.updateTextStyle?.objectId === tableId && r.updateTextStyle.cellLocation?.rowIndex === 0,
      );
      expect(headerStyles).toHaveLength(4);
      for (const s of headerStyles) expect(s.updateTextStyle?.style?.bold).toBe(true);
      const headerFill = requests.find(
        (r) =>
          r.updateTableCellProperties?.objectId === tableId &&
          r.updateTableCellProperties.tableRange?.location?.rowIndex === 0,
      );
      expect(headerFill?.updateTableCellProperties?.tableRange?.columnSpan).toBe(4);
      // column widths fill the content width
      const widths = requests
        .filter((r) => r.updateTableColumnProperties?.objectId === tableId)
        .map(
          (r) => r.updateTableColumnProperties?.tableColumnProperties?.columnWidth?.magnitude ?? 0,
        );
      expect(widths).toHaveLength(4);
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(720 - 56, 0);
    });
  });

  it("shows the grade summary as chips on every pillar slide", () => {
    const texts = insertedTexts(requests);
    expect(texts).toContain("A 計画以上 1件");
    expect(texts).toContain("B 計画どおり 2件");
    expect(texts).toContain("D 遅れ 0件");
  });

  it("deletes the old slides at the very end", () => {
    const tail = requests.slice(-existing.length);
    expect(tail).toEqual(existing.map((objectId) => ({ deleteObject: { objectId } })));
    expect(requests.filter((r) => r.deleteObject)).toHaveLength(existing.length);
  });

  it("sets one font family on every text run", () => {
    const styles = requests.flatMap((r) => (r.updateTextStyle ? [r.updateTextStyle] : []));
    expect(styles.length).toBeGreaterThan(50);
    for (const s of styles) {
      expect(s.style?.fontFamily).toBe(theme.fontFamily);
      expect(s.fields?.split(",")).toContain("fontFamily");
      expect(s.style?.fontSize?.unit).toBe("PT");
    }
    // and every inserted text is styled (no run left in the default Arial)
    const inserted = requests.filter((r) => r.insertText).length;
    expect(styles).toHaveLength(inserted);
  });

  it("fits every text at a readable size: no warnings, nothing under 8 pt", () => {
    expect(build.warnings).toEqual([]);
    const sizes = requests.flatMap((r) =>
      r.updateTextStyle?.style?.fontSize?.magnitude
        ? [r.updateTextStyle.style.fontSize.magnitude]
        : [],
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    // the plan name is the biggest text of the deck
    const titleSize = requests.find(
      (r) => r.updateTextStyle?.objectId === `${build.slideIds[0]}_title`,
    )?.updateTextStyle?.style?.fontSize?.magnitude;
    expect(titleSize).toBe(Math.max(...sizes));
    expect(titleSize).toBeGreaterThanOrEqual(28);
  });

  it("is deterministic", () => {
    expect(deckRequests(seedDeck(), { existingSlideIds: existing })).toEqual(requests);
  });

  it("is accepted by the GAS fake's Slides batchUpdate, leaving exactly the 9 new slides", () => {
    const { fake, id, existing: old } = newPresentation();
    expect(old).toEqual(["p"]);
    const list = deckRequests(deck, { existingSlideIds: old });
    expect(() =>
      fake.services.Slides.Presentations.batchUpdate({ requests: toGasRequests(list) }, id),
    ).not.toThrow();
    const presentation = fake.presentations.get(id);
    expect(presentation?.slides).toEqual(build.slideIds);
    expect(presentation?.textOf(`${build.slideIds[0]}_title`)).toBe(PLAN);
    expect(presentation?.elementsOf(build.slideIds[0] ?? "").length).toBeGreaterThan(4);
    // one create + one batchUpdate
    const calls = fake.ledger.calls().filter((e) => e.service === "Slides");
    expect(calls.map((e) => e.method)).toEqual([
      "Slides.Presentations.create",
      "Slides.Presentations.batchUpdate",
    ]);
  });
});

describe("deckRequests: the checks can fail", () => {
  const requests = deckRequests(seedDeck(), { existingSlideIds: ["p"] });

  it("the fake rejects the list when a slide's creation is missing", () => {
    const { fake, id } = newPresentation();
    const broken = requests.filter((r) => r.createSlide?.objectId !== "gk_s03");
    expect(() =>
      fake.services.Slides.Presentations.batchUpdate({ requests: toGasRequests(broken) }, id),
    ).toThrow(/could not be found/);
    expect(checkRequests(broken, { existing: ["p"] }).join("\n")).toMatch(/references gk_s03/);
  });

  it("the checker flags duplicates, bad IDs, empty text and unknown cells", () => {
    const dup: Request[] = [...requests.slice(0, 3), requests[0] ?? {}];
    expect(checkRequests(dup, { existing: ["p"] }).join("\n")).toMatch(/duplicate object ID/);
    const bad: Request[] = [{ createSlide: { objectId: "s1" } }];
    expect(checkRequests(bad).join("\n")).toMatch(/invalid object ID s1/);
    const table = requests.find((r) => r.createTable)?.createTable?.objectId ?? "";
    const firstTable = requests.findIndex((r) => r.createTable);
    const offCell: Request[] = [
      ...requests.slice(0, firstTable + 1),
      {
        insertText: { objectId: table, cellLocation: { rowIndex: 99, columnIndex: 0 }, text: "x" },
      },
      {
        insertText: {
          objectId: `${table}`,
          cellLocation: { rowIndex: 1, columnIndex: 0 },
          text: "",
        },
      },
    ];
    const problems = checkRequests(offCell, { existing: ["p"] }).join("\n");
    expect(problems).toMatch(/outside/);
    expect(problems).toMatch(/empty text/);
  });
});

describe("deckRequests: options and edge cases", () => {
  it("uses the theme's font everywhere when it is overridden", () => {
    const requests = deckRequests(seedDeck(), { theme: { fontFamily: "M PLUS 1p" } });
    const fonts = new Set(
      requests.flatMap((r) => (r.updateTextStyle ? [r.updateTextStyle.style?.fontFamily] : [])),
    );
    expect([...fonts]).toEqual(["M PLUS 1p"]);
  });

  it("draws 12 of 14 submitted as 12/14 of the bar and prints 12/14", () => {
    const deck: DeckModel = {
      title: "計画",
      fy: 2012,
      fyLabel: "平成24年度",
      submissions: NO_SUBMISSIONS,
      slides: [
        {
          kind: "overview",
          title: "全体",
          submission: [submissionRow("全体", 12, 14)],
          grades: [],
          legend: [],
          note: "",
        },
      ],
    };
    const build = buildDeckRequests(deck);
    const geo = shapes(build.requests);
    const slide = build.slideIds[0] ?? "";
    const track = geo.get(`${slide}_sub_t00`);
    const done = geo.get(`${slide}_sub_r00_p00`);
    const rest = geo.get(`${slide}_sub_r00_p01`);
    if (!track || !done || !rest) throw new Error("bars missing");
    expect(done.w / track.w).toBeCloseTo(12 / 14, 3);
    expect(rest.w / track.w).toBeCloseTo(2 / 14, 3);
    expect(done.w + rest.w).toBeCloseTo(track.w, 2);
    expect(insertedTexts(build.requests)).toContain("12/14");
    expect(insertedTexts(build.requests)).toContain("12"); // the count inside the segment
    // the legend still names both colours (the model gave none)
    expect(insertedTexts(build.requests)).toEqual(expect.arrayContaining(["提出", "未提出"]));
    expect(checkRequests(build.requests)).toEqual([]);
  });

  it("splits nothing itself: 100 measures over 13 model slides stay whole, readable and valid", () => {
    const deck = bigPillarDeck(100);
    expect(deck.slides).toHaveLength(13);
    const build = buildDeckRequests(deck, { existingSlideIds: ["p"] });
    expect(build.requests.filter((r) => r.createSlide)).toHaveLength(13);
    expect(build.warnings).toEqual([]);
    expect(checkRequests(build.requests, { existing: ["p"] })).toEqual([]);
    const texts = insertedTexts(build.requests);
    for (const s of deck.slides) {
      if (s.kind !== "pillar") continue;
      for (const r of s.rows) expect(texts).toContain(r.content);
    }
    expect(texts).toContain("13 / 13");
    const { fake, id } = newPresentation();
    expect(() =>
      fake.services.Slides.Presentations.batchUpdate(
        { requests: toGasRequests(build.requests) },
        id,
      ),
    ).not.toThrow();
  });

  it("shrinks long text, and reports (never hides) text that cannot fit", () => {
    const long = "市民と行政の協働による".repeat(3);
    const huge = "とても長い課題の説明です。".repeat(200);
    const deck: DeckModel = {
      title: "計画",
      fy: 2012,
      fyLabel: "平成24年度",
      submissions: NO_SUBMISSIONS,
      slides: [
        { kind: "title", title: "短い計画", subtitle: "平成24年度", date: "" },
        { kind: "title", title: long, subtitle: "平成24年度", date: "" },
        {
          kind: "issues",
          title: "課題と次の対応",
          items: [{ measureId: "1-1", issue: huge, next: "対応" }],
          part: "",
        },
      ],
    };
    const build = buildDeckRequests(deck);
    const sizeOf = (objectId: string) =>
      build.requests.find((r) => r.updateTextStyle?.objectId === objectId)?.updateTextStyle?.style
        ?.fontSize?.magnitude ?? 0;
    const [s1, s2, s3] = build.slideIds;
    expect(sizeOf(`${s1}_title`)).toBe(36);
    expect(sizeOf(`${s2}_title`)).toBeLessThan(36);
    expect(sizeOf(`${s2}_title`)).toBeGreaterThanOrEqual(20);
    expect(build.warnings).toEqual([expect.objectContaining({ slide: 3, element: "tbl" })]);
    expect(insertedTexts(build.requests)).toContain(huge);
    expect(insertedTexts(build.requests)).toContain(long);
    expect(s3).toBeDefined();
    // empty text makes no empty insertText
    expect(checkRequests(build.requests)).toEqual([]);
  });

  it("fits the model's fullest issues slides (16 lines of 30 columns) without re-wrapping", () => {
    const line = "課題の説明が三十文字ちょうどになるように書いた一行です。と";
    expect([...line]).toHaveLength(29);
    const issues = (items: { measureId: string; issue: string; next: string }[]): DeckModel => ({
      title: "計画",
      fy: 2012,
      fyLabel: "平成24年度",
      submissions: NO_SUBMISSIONS,
      slides: [{ kind: "issues", title: "課題と次の対応", items, part: "1 / 2" }],
    });
    const oneLine = Array.from({ length: 16 }, (_, i) => ({
      measureId: `${i + 1}-1`,
      issue: `${line}。`,
      next: `${line}。`,
    }));
    const twoLines = Array.from({ length: 8 }, (_, i) => ({
      measureId: `${i + 1}-2`,
      issue: `${line}。\n${line}。`,
      next: `${line}。\n${line}。`,
    }));
    for (const deck of [issues(oneLine), issues(twoLines)]) {
      const build = buildDeckRequests(deck);
      expect(build.warnings).toEqual([]);
      expect(checkRequests(build.requests)).toEqual([]);
      const texts = insertedTexts(build.requests);
      const slide = deck.slides[0];
      if (slide?.kind !== "issues") throw new Error("fixture");
      for (const item of slide.items) expect(texts).toContain(item.issue);
    }
    // two-line items keep the model's line breaks: the size is small enough for 30 columns
    const build = buildDeckRequests(issues(twoLines));
    const table = build.requests.find((r) => r.createTable)?.createTable?.objectId;
    const size = build.requests.find(
      (r) =>
        r.updateTextStyle?.objectId === table && r.updateTextStyle?.cellLocation?.rowIndex === 1,
    )?.updateTextStyle?.style?.fontSize?.magnitude;
    const width = build.requests.find(
      (r) =>
        r.updateTableColumnProperties?.objectId === table &&
        r.updateTableColumnProperties?.columnIndices?.[0] === 1,
    )?.updateTableColumnProperties?.tableColumnProperties?.columnWidth?.magnitude;
    if (!size || !width) throw new Error("no table style");
    expect(lineCount(`${line}。`, size, width - 2 * INSET_X)).toBe(1);
    expect(size).toBeGreaterThanOrEqual(8);
  });

  it("shows continued issues and an empty issues slide", () => {
    const deck: DeckModel = {
      title: "計画",
      fy: 2012,
      fyLabel: "平成24年度",
      submissions: NO_SUBMISSIONS,
      slides: [
        {
          kind: "issues",
          title: "課題と次の対応",
          items: [{ measureId: "2-1", issue: "続きの課題", next: "", continued: true }],
          part: "2 / 2",
        },
        { kind: "issues", title: "課題と次の対応", items: [], part: "" },
      ],
    };
    const build = buildDeckRequests(deck);
    const texts = insertedTexts(build.requests);
    expect(texts).toContain("2-1\n（続き）");
    expect(texts).toContain("2 / 2");
    expect(texts).toContain("記載された課題はありません。");
    expect(checkRequests(build.requests)).toEqual([]);
  });

  it("avoids IDs of a template made from an earlier deck", () => {
    const old = ["gk_s01", "gk_s02", "g1a2b3c_0_5"];
    const build = buildDeckRequests(seedDeck(), { existingSlideIds: old });
    const ids = createdIds(build.requests);
    for (const id of ids) expect(id.startsWith("gk2_")).toBe(true);
    expect(checkRequests(build.requests, { existing: old })).toEqual([]);
    expect(build.requests.slice(-3).map((r) => r.deleteObject?.objectId)).toEqual(old);
  });

  it("keeps the old slides when the model has none", () => {
    const deck: DeckModel = {
      title: "空",
      fy: 2012,
      fyLabel: "平成24年度",
      submissions: NO_SUBMISSIONS,
      slides: [],
    };
    expect(deckRequests(deck, { existingSlideIds: ["p"] })).toEqual([]);
  });

  it("rejects a prefix that cannot make valid IDs", () => {
    expect(() => deckRequests(seedDeck(), { idPrefix: "9x" })).toThrow(/prefix/);
  });

  it("lays out a 4:3 page when told its size", () => {
    const page = { width: 720, height: 540 };
    const requests = deckRequests(seedDeck(), { theme: { page } });
    expect(checkRequests(requests, { page })).toEqual([]);
  });

  it("normalises CR LF and drops control characters the API refuses", () => {
    const deck = seedDeck();
    const slides = deck.slides.map((s) =>
      s.kind === "pillar" ? { ...s, strategy: `一行目\r\n二行目\u0007` } : s,
    );
    const texts = insertedTexts(deckRequests({ ...deck, slides }));
    expect(texts).toContain("一行目\n二行目");
  });
});
