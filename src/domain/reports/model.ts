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
  readonly finalTarget: number | null;
  /** 目標値 of the year (年度目標) */
  readonly yearTarget: number | null;
  /** 目標値 the 実績 is measured against: the year's, or pro-rated to the period (按分) */
  readonly targetValue: number | null;
  readonly prorated: boolean;
  /** 実績値 of the report used (latest period reported in scope) */
  readonly actual: number | null;
  /**
   * Achievement in percent by direction and 基準値 (see ../grading), null when it cannot be
   * computed.
   */
  readonly achievementRate: number | null;
  /** the grade shown: typed by staff, else computed from the 達成率 */
  readonly grade: string | null;
  readonly gradeLabel: string | null;
  /** the grade 評価基準 gives for the 達成率; null without one */
  readonly computedGrade: string | null;
  /** the grade typed in 進捗 (null when blank) */
  readonly typedGrade: string | null;
  /** staff typed a grade other than the computed one: shown, never hidden */
  readonly gradeDisagrees: boolean;
  /** 目標値 and 実績値 per plan year, for the small chart (実績 null after the reported year) */
  readonly series: readonly {
    readonly fy: number;
    readonly target: number | null;
    readonly actual: number | null;
  }[];
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
  /** 設定 発行課 ("" when not set) */
  readonly issuer: string;
  /** 設定 報告日, else the last day of the reported year */
  readonly reportDate: PlainDate;
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

/** One 取組 on a pillar slide: its words and figures, decided here, placed by the layout. */
export interface DeckMeasure {
  readonly measureId: string;
  readonly content: string;
  /** 取組目標 of the year ("" when none) */
  readonly targetText: string;
  /** 指標 with its unit: 「協働事業数（件）」, "" when none */
  readonly indicator: string;
  /** 「30件」 / 「—」 */
  readonly target: string;
  /** 「36件」, 「実績未入力」 (a report without 実績値), 「未報告」 (no report in scope) */
  readonly actual: string;
  /** 「120%」 / 「—」 */
  readonly rate: string;
  /** the grade shown ("" when none) and, when staff typed another, the computed one */
  readonly grade: string;
  readonly gradeLabel: string;
  /** the computed grade when it differs from the typed one, else "" */
  readonly computedGrade: string;
  /** 「第2四半期の報告」 / 「未提出（差戻し）」 … */
  readonly note: string;
  /** the report owed for the counted period is missing or came late: the note shows in red */
  readonly noteAlert: boolean;
  readonly unit: string;
  /** 目標値 vs 実績値 per plan year: the small chart */
  readonly series: readonly {
    readonly label: string;
    readonly target: number | null;
    readonly actual: number | null;
  }[];
}

/** One 課題 / 次の対応 pair; 取組 that wrote the same words are listed together. */
export interface DeckIssue {
  readonly measureIds: readonly string[];
  readonly issue: string;
  readonly next: string;
}

export type DeckSlide =
  | {
      readonly kind: "title";
      readonly title: string;
      /** 「平成24年度（2012年度） 年次報告」 */
      readonly subtitle: string;
      /** 設定 発行課 ("" when not set) */
      readonly issuer: string;
      /** 設定 報告日, default the last day of the reported year: 「平成25年3月31日」 */
      readonly date: string;
    }
  | {
      readonly kind: "overview";
      readonly title: string;
      /** one row per 柱: 「柱1 職員の意識改革」, submission bar and grade bar */
      readonly pillars: readonly {
        readonly name: string;
        readonly submission: BarRow;
        readonly grades: BarRow;
      }[];
      readonly legend: readonly { readonly key: string; readonly label: string }[];
      readonly note: string;
    }
  | {
      readonly kind: "pillar";
      readonly title: string;
      readonly strategy: string;
      readonly goal: string;
      readonly measures: readonly DeckMeasure[];
      /** grade keys in 評価区分 order, for colours */
      readonly gradeOrder: readonly string[];
    }
  | {
      readonly kind: "issues";
      readonly title: string;
      /** grouped per 柱, only 取組 that wrote something */
      readonly groups: readonly {
        readonly pillar: string;
        readonly items: readonly DeckIssue[];
      }[];
      readonly empty: string;
    };

export interface DeckModel {
  readonly title: string;
  /** the footer: plan and report, the year once */
  readonly footer: string;
  readonly fy: number;
  readonly fyLabel: string;
  /** the whole plan's submissions for the counted period */
  readonly submissions: ReportSubmissions;
  readonly slides: readonly DeckSlide[];
}
