/** Types of scripts/holidays.mjs, for the test that checks the generated holiday data. */
export interface PackageHoliday {
  readonly name: string;
  readonly name_en: string;
}
export declare const HOLIDAY_DATA_FILE: string;
export declare function tidyHoliday(date: string, h: PackageHoliday): [string, string];
export declare function packageHolidays(): Record<string, PackageHoliday>;
export declare function packageVersion(): string;
export declare function holidayModuleSource(): string;
export declare function writeHolidayModule(): boolean;
