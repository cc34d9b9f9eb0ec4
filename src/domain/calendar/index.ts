/** Calendar: plain dates in Asia/Tokyo, fiscal years, 和暦, periods, holidays, business days. */
export * from "./business";
export * from "./due";
export * from "./era";
export * from "./fiscal";
export * from "./holidays";
export * from "./parse";
export * from "./periods";
export * from "./plain-date";
