import type { ReportData } from '../report/types';

/** What every publisher gets: the report data and its composed markdown. */
export interface ComposedReport {
  data: ReportData;
  markdown: string;
  /** Plot images an earlier publisher of this run hosted: URL by the markdown's link (`plots/x.png`). */
  hostedImages?: Map<string, string>;
}

/** One place a report goes (local files, the job summary, a PR comment, a hub). */
export interface Publisher {
  readonly name: string;
  publish(report: ComposedReport): Promise<PublishOutcome>;
}

export interface PublishOutcome {
  /** Where the report ended up (a path or a URL), when there is one. */
  location?: string;
  /** Plot images this publisher hosted: URL by the markdown's link (`plots/x.png`). */
  hostedImages?: Map<string, string>;
  /** Why the report was not posted although it should have been (a fork's PR, a read-only token, no token). */
  notPosted?: string;
}
