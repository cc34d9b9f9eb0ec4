import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";
import { BATCH_UPDATE_PAYLOAD_LIMIT, payloadBytes } from "../gas-fake/slides";

describe("DriveApp", () => {
  it("puts the bound spreadsheet in folder-root and finds its folder", () => {
    const fake = createGasFake();
    const { DriveApp, SpreadsheetApp } = fake.services;
    const file = DriveApp.getFileById(SpreadsheetApp.getActive().getId());
    expect(file.getName()).toBe("元気計画 登録簿");
    expect(file.getMimeType()).toBe("application/vnd.google-apps.spreadsheet");
    const parents = file.getParents();
    expect(parents.hasNext()).toBe(true);
    expect(parents.next().getId()).toBe("folder-root");
    expect(parents.hasNext()).toBe(false);
  });

  it("copies a Doc template into a folder, content included", () => {
    const fake = createGasFake();
    const { DriveApp, DocumentApp } = fake.services;
    const template = fake.addDocument("柱レポート雛形", ["{{柱名}}", "戦略: {{戦略}}"]);
    const out = fake.addFolder("出力");
    const copy = DriveApp.getFileById(template.id).makeCopy(
      "柱1 レポート",
      DriveApp.getFolderById(out.id),
    );
    expect(copy.getId()).not.toBe(template.id);
    expect(copy.getUrl()).toBe(`https://docs.google.com/document/d/${copy.getId()}/edit`);
    expect(copy.getParents().next().getName()).toBe("出力");
    const doc = DocumentApp.openById(copy.getId());
    doc.getBody().replaceText("\\{\\{柱名\\}\\}", "行政経営");
    expect(fake.docs.get(copy.getId())?.text()).toBe("行政経営\n戦略: {{戦略}}");
    expect(template.text()).toBe("{{柱名}}\n戦略: {{戦略}}");
    const names: string[] = [];
    const files = DriveApp.getFolderById(out.id).getFiles();
    while (files.hasNext()) names.push(files.next().getName());
    expect(names).toEqual(["柱1 レポート"]);
  });

  it("throws GAS's message on unknown ids", () => {
    const { DriveApp } = createGasFake().services;
    expect(() => DriveApp.getFileById("nope")).toThrow("No item with the given ID could be found");
    expect(() => DriveApp.getFolderById("nope")).toThrow(
      "No item with the given ID could be found",
    );
  });
});

describe("DocumentApp", () => {
  it("keeps a readable model of headings, paragraphs, lists and tables", () => {
    const fake = createGasFake();
    const { DocumentApp, DriveApp } = fake.services;
    const doc = DocumentApp.create("柱1 行政経営");
    const body = doc.getBody();
    body.clear();
    body.getChild(0).asParagraph().setText("柱1 行政経営");
    body.getChild(0).asParagraph().setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph("戦略").setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph("事務事業の見直し").setAttributes({ [DocumentApp.Attribute.BOLD]: true });
    body.appendListItem("課題: 人員不足").setNestingLevel(1);
    const table = body.appendTable([
      ["取組", "目標", "実績"],
      ["1-1", "10", "12"],
    ]);
    table.setBorderWidth(1);
    body.appendHorizontalRule();
    body.appendPageBreak();
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(1).getCell(2).getText()).toBe("12");
    expect(table.getCell(0, 0).getText()).toBe("取組");
    const model = fake.docs.get(doc.getId());
    expect(model?.blocks()).toEqual([
      { type: "PARAGRAPH", heading: "TITLE", text: "柱1 行政経営", attributes: {} },
      { type: "PARAGRAPH", heading: "HEADING1", text: "戦略", attributes: {} },
      {
        type: "PARAGRAPH",
        heading: "NORMAL",
        text: "事務事業の見直し",
        attributes: { BOLD: true },
      },
      {
        type: "LIST_ITEM",
        text: "課題: 人員不足",
        nestingLevel: 1,
        glyphType: "BULLET",
        attributes: {},
      },
      {
        type: "TABLE",
        rows: [
          ["取組", "目標", "実績"],
          ["1-1", "10", "12"],
        ],
        attributes: { BORDER_WIDTH: 1 },
      },
      { type: "HORIZONTAL_RULE" },
      { type: "PAGE_BREAK" },
    ]);
    expect(model?.headings("HEADING1")).toEqual(["戦略"]);
    expect(body.getNumChildren()).toBe(7);
    expect(DriveApp.getFileById(doc.getId()).getName()).toBe("柱1 行政経営");
  });

  it("closes handles on saveAndClose and fails on missing documents", () => {
    const fake = createGasFake();
    const { DocumentApp } = fake.services;
    const doc = DocumentApp.create("x");
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph("late")).toThrow(
      "Document is closed, its contents cannot be updated.",
    );
    DocumentApp.openById(doc.getId()).getBody().appendParagraph("reopened");
    expect(fake.docs.get(doc.getId())?.text()).toBe("\nreopened");
    expect(() => DocumentApp.openById("nope")).toThrow("Document is missing");
  });
});

describe("Slides advanced service", () => {
  it("creates a presentation with one default slide and stores each batch", () => {
    const fake = createGasFake();
    const Slides = fake.services.Slides;
    const created = Slides.Presentations.create({ title: "令和8年度 元気計画" });
    const id = created.presentationId ?? "";
    expect(created.slides?.map((s) => s.objectId)).toEqual(["p"]);
    const res = Slides.Presentations.batchUpdate(
      {
        requests: [
          {
            createSlide: {
              objectId: "slide_01",
              slideLayoutReference: { predefinedLayout: "BLANK" },
            },
          },
          {
            createShape: {
              objectId: "title_01",
              shapeType: "TEXT_BOX",
              elementProperties: { pageObjectId: "slide_01" },
            },
          },
          { insertText: { objectId: "title_01", text: "柱1" } },
          { updateTextStyle: { objectId: "title_01", style: { bold: true }, fields: "bold" } },
          { deleteObject: { objectId: "p" } },
        ],
      },
      id,
    );
    expect(res.replies).toEqual([
      { createSlide: { objectId: "slide_01" } },
      { createShape: { objectId: "title_01" } },
      {},
      {},
      {},
    ]);
    const stored = fake.presentations.get(id);
    expect(stored?.title).toBe("令和8年度 元気計画");
    expect(stored?.requests).toHaveLength(1);
    expect(stored?.requests[0]).toHaveLength(5);
    expect(stored?.textOf("title_01")).toBe("柱1");
    const got = Slides.Presentations.get(id);
    expect(got.slides?.map((s) => s.objectId)).toEqual(["slide_01"]);
    expect(got.slides?.[0]?.pageElements?.map((e) => e.objectId)).toEqual(["title_01"]);
    expect(fake.files.get(id)?.mimeType).toBe("application/vnd.google-apps.presentation");
  });

  it("rejects duplicate ids and dangling references atomically", () => {
    const fake = createGasFake();
    const Slides = fake.services.Slides;
    const id = Slides.Presentations.create({ title: "deck" }).presentationId ?? "";
    const dup = () =>
      Slides.Presentations.batchUpdate(
        {
          requests: [
            { createSlide: { objectId: "slide_01" } },
            { createSlide: { objectId: "slide_01" } },
          ],
        },
        id,
      );
    expect(dup).toThrow(
      "API call to slides.presentations.batchUpdate failed with error: Invalid requests[1].createSlide: The object ID (slide_01) should be unique among all pages and page elements.",
    );
    expect(() =>
      Slides.Presentations.batchUpdate(
        {
          requests: [
            { createSlide: { objectId: "slide_02" } },
            { insertText: { objectId: "missing", text: "x" } },
          ],
        },
        id,
      ),
    ).toThrow("Invalid requests[1].insertText: The object (missing) could not be found.");
    expect(() =>
      Slides.Presentations.batchUpdate(
        {
          requests: [
            {
              createShape: {
                objectId: "shape_1",
                shapeType: "TEXT_BOX",
                elementProperties: { pageObjectId: "nope" },
              },
            },
          ],
        },
        id,
      ),
    ).toThrow("The object (nope) could not be found.");
    expect(() =>
      Slides.Presentations.batchUpdate({ requests: [{ createSlide: { objectId: "ab" } }] }, id),
    ).toThrow("5 to 50 characters");
    // nothing of the failed batches was applied
    expect(fake.presentations.get(id)?.slides).toEqual(["p"]);
    expect(fake.presentations.get(id)?.requests).toEqual([]);
    expect(() => Slides.Presentations.get("nope")).toThrow("Requested entity was not found.");
  });

  it("refuses a batchUpdate whose body is over 10,485,760 bytes, applying nothing", () => {
    const fake = createGasFake();
    const Slides = fake.services.Slides;
    const id = Slides.Presentations.create({ title: "deck" }).presentationId ?? "";
    // Japanese text is 3 bytes a character in the UTF-8 body
    const text = "進".repeat(1_000_000);
    const requests = (n: number) => [
      { createSlide: { objectId: "slide_big" } },
      {
        createShape: {
          objectId: "shape_big",
          shapeType: "TEXT_BOX",
          elementProperties: { pageObjectId: "slide_big" },
        },
      },
      ...Array.from({ length: n }, () => ({ insertText: { objectId: "shape_big", text } })),
    ];
    expect(payloadBytes({ requests: requests(4) })).toBeGreaterThan(BATCH_UPDATE_PAYLOAD_LIMIT);
    expect(() => Slides.Presentations.batchUpdate({ requests: requests(4) }, id)).toThrow(
      "API call to slides.presentations.batchUpdate failed with error: Request payload size exceeds the limit: 10485760 bytes.",
    );
    expect(fake.presentations.get(id)?.slides).toEqual(["p"]);
    expect(fake.presentations.get(id)?.requests).toEqual([]);
    // the same requests in bodies under the limit go through
    expect(payloadBytes({ requests: requests(3) })).toBeLessThanOrEqual(BATCH_UPDATE_PAYLOAD_LIMIT);
    Slides.Presentations.batchUpdate({ requests: requests(3) }, id);
    expect(fake.presentations.get(id)?.textOf("shape_big")).toHaveLength(3_000_000);
  });

  it("copies a deck template through DriveApp", () => {
    const fake = createGasFake();
    const template = fake.addPresentation("雛形");
    const copy = fake.services.DriveApp.getFileById(template.id).makeCopy("令和8年度");
    const p = fake.services.Slides.Presentations.get(copy.getId());
    expect(p.title).toBe("令和8年度");
    expect(p.slides?.map((s) => s.objectId)).toEqual(["p"]);
    fake.services.Slides.Presentations.batchUpdate(
      {
        requests: [
          { replaceAllText: { containsText: { text: "{{年度}}" }, replaceText: "令和8年度" } },
        ],
      },
      copy.getId(),
    );
    expect(fake.presentations.get(copy.getId())?.requests).toHaveLength(1);
    expect(template.requests).toHaveLength(0);
  });
});
