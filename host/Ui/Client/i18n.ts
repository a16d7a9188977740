// The review UI's strings. The page follows the browser language: Chinese for zh*, English otherwise.
const en = {
  brand: 'ReceiptGuard',
  snapshotsTitle: 'Snapshots',
  snapshotsHint: 'Every page the extension captured when you confirmed or cancelled a receipt, newest first.',
  snapshotsEmpty: 'No snapshots yet. Load the extension and click 确认收货 on an order page.',
  colTime: 'Time',
  colSite: 'Site',
  colTitle: 'Title',
  colDecision: 'Decision',
  newer: 'Newer',
  older: 'Older',
  pageInfo: '{from}–{to} of {total}',
  back: '← All snapshots',
  snapshotTitle: 'Snapshot',
  capturedPage: 'Captured page',
  capturedPageHint: 'Shown exactly as captured. Scripts in it cannot run and it cannot load anything from the network.',
  decisionConfirmed: 'Confirmed',
  decisionCancelled: 'Cancelled',
  untitled: '(no title)',
  metaCapturedAt: 'Captured',
  metaReceivedAt: 'Received by the host',
  metaSite: 'Site',
  metaUrl: 'Page address',
  metaButton: 'Control clicked',
  metaOrder: 'Order',
  colOrder: 'Order',
  metaDecision: 'Decision',
  metaHash: 'SHA-256 of the page',
  metaSize: 'Size',
  liveConnecting: 'Connecting…',
  liveConnected: 'Live',
  liveReconnecting: 'Reconnecting…',
  liveDisconnected: 'Offline — reload to reconnect',
  loadFailed: 'Could not load from the host: {message}',
  notFound: 'This snapshot does not exist.',
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  brand: 'ReceiptGuard 收货守卫',
  snapshotsTitle: '快照',
  snapshotsHint: '扩展在你确认或取消收货时保存的每一个页面，最新的在前。',
  snapshotsEmpty: '还没有快照。加载扩展后，在订单页点击“确认收货”试试。',
  colTime: '时间',
  colSite: '平台',
  colTitle: '标题',
  colDecision: '选择',
  newer: '较新',
  older: '较早',
  pageInfo: '第 {from}–{to} 条，共 {total} 条',
  back: '← 全部快照',
  snapshotTitle: '快照',
  capturedPage: '保存的页面',
  capturedPageHint: '按保存时的样子显示。页面中的脚本不会运行，也不会从网络加载任何内容。',
  decisionConfirmed: '已确认',
  decisionCancelled: '已取消',
  untitled: '（无标题）',
  metaCapturedAt: '保存时间',
  metaReceivedAt: '主机收到时间',
  metaSite: '平台',
  metaUrl: '页面地址',
  metaButton: '点击的按钮',
  metaOrder: '订单',
  colOrder: '订单',
  metaDecision: '选择',
  metaHash: '页面 SHA-256',
  metaSize: '大小',
  liveConnecting: '连接中…',
  liveConnected: '实时',
  liveReconnecting: '重新连接中…',
  liveDisconnected: '已断开，刷新页面以重连',
  loadFailed: '无法从主机加载：{message}',
  notFound: '该快照不存在。',
};

export const locale: 'zh-CN' | 'en' = navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

const messages: Record<MessageKey, string> = locale === 'zh-CN' ? zh : en;

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Fills every element marked data-i18n with its text in the current language. */
export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = locale;
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n as MessageKey;
    if (key in messages) element.textContent = t(key);
  }
}
