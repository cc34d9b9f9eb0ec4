/** The typed registry: what the app reasons about once the sheets are read. */
import type { PlainDate } from "../calendar";
import type { Aggregation, Cycle, Direction, Lang, PdcaStep, SheetKey, Status } from "../schema";

/** Where a record came from: the sheet row (1-based, header is row 1). */
export interface Located {
  readonly row: number;
}

export interface Grade {
  readonly code: string;
  readonly label: string;
}

/** One line of 評価基準: the grade given when 達成率 (percent) is at least `min`. */
export interface GradeRule {
  readonly code: string;
  /** lowest 達成率 in percent for this grade; null for the last grade, which takes the rest */
  readonly min: number | null;
}

export interface Settings {
  readonly planName: string;
  readonly startFy: number | null;
  readonly endFy: number | null;
  readonly cycle: Cycle;
  readonly dueBusinessDays: number;
  readonly preNoticeDays: number;
  readonly reminderInterval: number;
  readonly escalationDays: number;
  readonly senderName: string;
  readonly replyTo: string;
  readonly outputFolderId: string;
  readonly docsTemplateId: string;
  readonly slidesTemplateId: string;
  readonly grades: readonly Grade[];
  readonly lang: Lang;
  readonly sendHour: number;
  /** who may confirm progress and change confirmed rows (besides whoever installed the app) */
  readonly approvers: readonly string[];
  /** 評価基準: thresholds on 達成率, highest first */
  readonly gradeRules: readonly GradeRule[];
  /** 発行課 named on report covers ("" when not set; covers then use 送信者名) */
  readonly issuingDivision: string;
  /** 報告日 on report covers; null: the last day of the reported fiscal year (see reportDateOf) */
  readonly reportDate: PlainDate | null;
  /** ダイジェスト最大件数: items listed in one digest, the rest counted and linked */
  readonly digestMaxItems: number;
}

export interface Pillar extends Located {
  readonly pillarId: string;
  readonly name: string;
  readonly strategy: string;
  readonly goal: string;
  readonly owners: readonly string[];
}

export interface Measure extends Located {
  readonly measureId: string;
  readonly pillarId: string;
  readonly content: string;
  readonly lead: string;
  readonly related: readonly string[];
  readonly indicator: string;
  readonly unit: string;
  readonly direction: Direction | null;
  readonly baseline: number | null;
  readonly baselineFy: number | null;
  readonly finalTarget: number | null;
  /** 集計方法: 累計 (pro-rated by quarter) or 時点; null: decided by 単位 */
  readonly aggregation: Aggregation | null;
}

export interface AnnualTarget extends Located {
  readonly measureId: string;
  readonly fy: number | null;
  readonly targetText: string;
  readonly targetValue: number | null;
}

export interface ProgressReport extends Located {
  readonly measureId: string;
  readonly fy: number | null;
  /** 1-based index of the period within the fiscal year for the configured cycle */
  readonly period: number | null;
  readonly actual: number | null;
  readonly grade: string | null;
  readonly pdca: PdcaStep | null;
  readonly done: string;
  readonly issues: string;
  readonly next: string;
  readonly reporter: string;
  readonly reportedOn: PlainDate | null;
  /** empty status is read as 未提出 */
  readonly status: Status;
}

export interface Division extends Located {
  readonly name: string;
  readonly department: string;
  readonly head: string;
  readonly email: string;
  readonly cc: readonly string[];
  readonly escalationEmail: string;
}

export interface Closure extends Located {
  readonly date: PlainDate;
  readonly name: string;
}

export interface SendLogEntry extends Located {
  readonly at: Date | null;
  readonly key: string;
  readonly kind: string;
  readonly division: string;
  readonly to: string;
  readonly count: number | null;
  readonly result: string;
}

export interface Registry {
  readonly settings: Settings;
  readonly pillars: readonly Pillar[];
  readonly measures: readonly Measure[];
  readonly targets: readonly AnnualTarget[];
  readonly progress: readonly ProgressReport[];
  readonly divisions: readonly Division[];
  readonly closures: readonly Closure[];
  readonly sendLog: readonly SendLogEntry[];
  /** the tab name each sheet was found under (ja or en), for messages and writes */
  readonly sheetNames: Readonly<Partial<Record<SheetKey, string>>>;
}
