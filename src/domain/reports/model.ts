/**
 * Report models: plain data built from the registry for one fiscal year (and optionally one
 * period). Renderers (Google Docs, Slides, .docx, .pptx) only lay these out; every number and
 * every sentence is decided here, so all outputs say the same thing.
 */
import type { PlainDate } from "../calendar";
import type { Direction, PdcaStep, Status } from "../schema";
import type { SubmissionCounts, SubmissionState } from "../submissions";

/** Which progress a report covers: the whole fiscal year (its latest report per 取組) or a period. */
export interface ReportScope {
  readonly fy: number;
  /** 1-based period index for the configured cycle; absent for the whole year */
  readonly period?: number;
  /**
   * The day submissions are counted for (as ダッシュボード and the reminders of that day count
   * them). Absent: after every 提出期限, so whatever was not received is missing.
   */
  readonly asOf?: PlainDate;
}

/** Submission counts of a report: the period counted, its 提出期限 and one sentence for people. */
export interface ReportSubmissions extends SubmissionCounts {
  /** 平成24年度 第2四半期: the period whose reports are counted */
  readonly periodLabel: string;
  readonly dueDate: PlainDate;
  /** IDs of the 取組 whose report is past its 提出期限 and not received */
  readonly missingIds: readonly string[];
  /** IDs of the 取組 whose report came after its 提出期限 */
  readonly lateIds: readonly string[];
  /** the sentence ダッシュボード and 全体チェック also give (see submissionSummary) */
  readonly summary: string;
}

export interface GradeCount {
  readonly code: string;
  readonly label: string;
  readonly count: number;
}

export interface MeasureReport {
  readonly measureId: string;
  readonly content: string;
  readonly lead: string;
  readonly related: readonly string[];
  /** 取組目標 of the year ("" when none) */
  readonly targetText: string;
  readonly indicator: string;
  readonly unit: string;
  readonly direction: Direction | null;
  readonly baseline: number | null;
  /** 目標値 of the year */
  readonly targetValue: number | null;
  /** 実績値 of the report used (latest period reported in scope) */
  readonly actual: number | null;
  /**
   * Achievement in percent, taking the direction into account (増加: actual/target, 減少:
   * target/actual, 維持: 100 when within the target), null when it cannot be computed.
   */
  readonly achievementRate: number | null;
  readonly grade: string | null;
  readonly gradeLabel: string | null;
  readonly pdca: PdcaStep | null;
  readonly done: string;
  readonly issues: string;
  readonly next: string;
  readonly status: Status | "未報告";
  /** the report owed for the counted period (ReportSubmissions): onTime, late, missing, pending */
  readonly submission: SubmissionState;
  /** label of the period the figures come from, e.g. 第2四半期; null when nothing reported */
  readonly periodLabel: string | null;
  readonly reportedOn: PlainDate | null;
}

export interface PillarReport {
  readonly planName: string;
  readonly fy: number;
  /** 令和7年度 / 平成24年度 */
  readonly fyLabel: string;
  /** "平成24年度" or "平成24年度 第2四半期" */
  readonly scopeLabel: string;
  readonly pillarId: string;
  readonly name: string;
  readonly strategy: string;
  readonly goal: string;
  readonly owners: readonly string[];
  readonly measures: readonly MeasureReport[];
  readonly grades: readonly GradeCount[];
  /** 取組 whose report for the counted period was received (= submissions.submitted) */
  readonly submitted: number;
  /** the pillar's submissions for the counted period */
  readonly submissions: ReportSubmissions;
  /** the document's file name */
  readonly title: string;
}

/** One bar of a bar chart: a label and parts that add up to the whole. */
export interface BarRow {
  readonly label: string;
  readonly total: number;
  readonly parts: readonly {
    readonly key: string;
    readonly label: string;
    readonly value: number;
  }[];
}

export type DeckSlide =
  | {
      readonly kind: "title";
      readonly title: string;
      readonly subtitle: string;
      readonly date: string;
    }
  | {
      readonly kind: "overview";
      readonly title: string;
      /** submission rate per pillar: parts 提出 / 未提出 */
      readonly submission: readonly BarRow[];
      /** grade distribution per pillar: one part per 評価区分 code plus 未評価 */
      readonly grades: readonly BarRow[];
      readonly legend: readonly { readonly key: string; readonly label: string }[];
      readonly note: string;
    }
  | {
      readonly kind: "pillar";
      readonly title: string;
      readonly strategy: string;
      /** one line per 取組: ID, short content, grade, key figure */
      readonly rows: readonly {
        readonly measureId: string;
        readonly content: string;
        readonly grade: string;
        readonly figure: string;
      }[];
      readonly grades: readonly GradeCount[];
      /** "2 / 3" style page marker when a pillar's rows continue on the next slide */
      readonly part: string;
    }
  | {
      readonly kind: "issues";
      readonly title: string;
      /**
       * open 課題 / 次の対応, one entry per 取組 with something to say. The texts are wrapped
       * with "\n" to fit DECK_LIMITS.issueColumns (never cut); an entry too long for one slide
       * goes on over the next, those later pieces with `continued: true`.
       */
      readonly items: readonly {
        readonly measureId: string;
        readonly issue: string;
        readonly next: string;
        /** true on the piece of an entry that began on the previous slide */
        readonly continued?: boolean;
      }[];
      readonly part: string;
    };

export interface DeckModel {
  readonly title: string;
  readonly fy: number;
  readonly fyLabel: string;
  /** the whole plan's submissions for the counted period */
  readonly submissions: ReportSubmissions;
  readonly slides: readonly DeckSlide[];
}
