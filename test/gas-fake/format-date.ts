/**
 * Utilities.formatDate: a SimpleDateFormat subset (y M d H h m s S E a Z X and 'quoted' text),
 * English month/day names as GAS produces them.
 */
import { offsetMinutes, zonedParts } from "./time-zone";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function offsetText(minutes: number, style: "Z" | "X" | "XXX"): string {
  if (style !== "Z" && minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === "X") return `${sign}${hh}`;
  return style === "XXX" ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const p = zonedParts(ms, timeZone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    i += n;
    switch (ch) {
      case "y":
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case "M":
        out +=
          n >= 4
            ? (MONTHS[p.month - 1] ?? "")
            : n === 3
              ? (MONTHS[p.month - 1] ?? "").slice(0, 3)
              : pad(p.month, n);
        break;
      case "d":
        out += pad(p.day, n);
        break;
      case "H":
        out += pad(p.hour, n);
        break;
      case "h":
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case "m":
        out += pad(p.minute, n);
        break;
      case "s":
        out += pad(p.second, n);
        break;
      case "S":
        out += pad(p.millisecond, 3).slice(0, Math.max(n, 3));
        break;
      case "E": {
        const day = DAYS[p.weekday] ?? "";
        out += n >= 4 ? day : day.slice(0, 3);
        break;
      }
      case "u":
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "Z":
        out += offsetText(offsetMinutes(ms, timeZone), "Z");
        break;
      case "X":
        out += offsetText(offsetMinutes(ms, timeZone), n >= 3 ? "XXX" : "X");
        break;
      default:
        // SimpleDateFormat throws on unknown letters; so does GAS.
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
