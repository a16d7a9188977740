// Entry point of the review UI: each HTML page names itself in <body data-page>.
import './app.css';
import { startGuidePage } from './guide-page';
import { translatePage } from './i18n';
import { startReportPage } from './report-page';
import { startSettingsPage } from './settings-page';
import { markNav } from './nav';
import { startOrderPage } from './order-page';
import { startOrdersPage } from './orders-page';
import { startSnapshotPage } from './snapshot-page';
import { startSnapshotsPage } from './snapshots-page';
import { startStatsPage } from './stats-page';

const pages: Record<string, () => Promise<void>> = {
  snapshots: startSnapshotsPage,
  snapshot: startSnapshotPage,
  guide: startGuidePage,
  report: startReportPage,
  orders: startOrdersPage,
  order: startOrderPage,
  settings: startSettingsPage,
  stats: startStatsPage,
};

translatePage();
markNav();
void pages[document.body.dataset.page ?? '']?.();
