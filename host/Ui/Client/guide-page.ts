// "/guide?platform=taobao": the steps after a mistaken (or feared) confirm, with the platform's own names for its
// chat and after-sales entries where we know them. The full per-platform guide, with sources, grows later.
import { el } from './format';
import { locale, t, type MessageKey } from './i18n';
import { connectLive } from './live';

interface PlatformWords {
  name: { en: string; zh: string };
  chat: { en: string; zh: string };
  afterSales: { en: string; zh: string };
}

/** How each platform names the places the steps send the user to (menus change; these are the names in late 2026). */
const PLATFORMS: Record<string, PlatformWords> = {
  taobao: { name: { en: 'Taobao', zh: '淘宝' }, chat: { en: 'Wangwang (旺旺) chat with the seller', zh: '旺旺联系卖家' }, afterSales: { en: 'Order detail → 申请售后 / 退款, then 申请客服介入 if the seller does not help', zh: '订单详情 → 申请售后/退款，卖家不处理时申请客服介入' } },
  tmall: { name: { en: 'Tmall', zh: '天猫' }, chat: { en: 'Wangwang (旺旺) chat with the shop', zh: '旺旺联系店铺客服' }, afterSales: { en: 'Order detail → 申请售后, then 申请客服介入', zh: '订单详情 → 申请售后，必要时申请客服介入' } },
  jd: { name: { en: 'JD', zh: '京东' }, chat: { en: 'the shop’s 咚咚 chat or JD customer service', zh: '咚咚联系商家或京东客服' }, afterSales: { en: 'My orders → 申请售后', zh: '我的订单 → 申请售后' } },
  pinduoduo: { name: { en: 'Pinduoduo', zh: '拼多多' }, chat: { en: 'the chat with the shop on the order', zh: '订单页联系商家' }, afterSales: { en: 'Order → 申请售后, then 申请平台介入', zh: '订单 → 申请售后，必要时申请平台介入' } },
  shopee: { name: { en: 'Shopee', zh: 'Shopee' }, chat: { en: 'Chat with the seller', zh: '与卖家聊天' }, afterSales: { en: 'My Purchases → Return/Refund (while Shopee Guarantee lasts)', zh: '我的购买 → 退货/退款（在 Shopee 担保期内）' } },
  lazada: { name: { en: 'Lazada', zh: 'Lazada' }, chat: { en: 'Chat with the seller', zh: '与卖家聊天' }, afterSales: { en: 'My Orders → Return or Refund', zh: '我的订单 → 退货或退款' } },
};

const STEPS: [MessageKey, MessageKey][] = [
  ['guideSellerTitle', 'guideSeller'],
  ['guideLogisticsTitle', 'guideLogistics'],
  ['guidePlatformTitle', 'guidePlatform'],
  ['guideEvidenceTitle', 'guideEvidence'],
  ['guideRefundTitle', 'guideRefund'],
  ['guideSpecialTitle', 'guideSpecial'],
  ['guideScamTitle', 'guideScam'],
];

export async function startGuidePage(): Promise<void> {
  const platform = new URLSearchParams(location.search).get('platform') ?? '';
  const words = PLATFORMS[platform];
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const values = {
    platform: words?.name[lang] ?? t('guideThePlatform'),
    chat: words?.chat[lang] ?? t('guideTheChat'),
    afterSales: words?.afterSales[lang] ?? t('guideTheAfterSales'),
  };
  if (words) document.getElementById('guide-title')!.textContent = t('guideTitleFor', { platform: values.platform });
  const list = document.getElementById('guide-steps')!;
  list.replaceChildren(
    ...STEPS.map(([title, body]) => {
      const item = el('li');
      item.append(el('h2', t(title)), el('p', t(body, values)));
      return item;
    }),
  );
  await connectLive({});
}
