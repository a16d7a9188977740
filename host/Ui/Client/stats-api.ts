// GET /api/stats as the UI uses it. Shapes mirror host/Stats/StatsModels.cs.
import { ApiError, problemMessage, type Problem } from './api';

/** Held = confirmed + cancelled + other; manual captures are not clicks and are counted apart. */
export interface StatsCounts {
  held: number;
  confirmed: number;
  cancelled: number;
  other: number;
  manual: number;
}

export interface MonthStats extends StatsCounts {
  /** The UTC month of the capture time, "2026-11". */
  month: string;
}

export interface PlatformStats extends StatsCounts {
  /** As the extension named it: taobao, jd, … */
  platform: string;
}

export interface StatsReport {
  from: string | null;
  to: string | null;
  totals: StatsCounts;
  /** Months with any snapshot, oldest first. */
  byMonth: MonthStats[];
  /** Most held clicks first. */
  byPlatform: PlatformStats[];
}

export async function getStats(): Promise<StatsReport> {
  const response = await fetch('/api/stats', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const statusLine = `${response.status} ${response.statusText}`;
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problemMessage(problem, statusLine), problem.errors ?? {});
  }
  return (await response.json()) as StatsReport;
}
