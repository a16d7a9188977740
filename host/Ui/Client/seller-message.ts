// The ready message to the seller, in Chinese and in English, filled with the order's facts. Pure: no DOM.

export type Situation = 'mistake' | 'notReceived' | 'damaged';

export const SITUATIONS: Situation[] = ['mistake', 'notReceived', 'damaged'];

export interface MessageFacts {
  orderId: string;
  /** Item titles as the page showed them. */
  items: string[];
  /** The amount paid, already formatted with its currency (e.g. "¥129.00"), or null when unknown. */
  amount: string | null;
  situation: Situation;
  /** When receipt was confirmed, formatted for people; used for 'mistake'. */
  confirmedAt: string | null;
}

/** At most three item titles, each cut to 40 characters, so the message stays short enough for a chat box. */
function itemList(items: string[], separator: string, more: (count: number) => string): string {
  const titles = items.map((item) => item.trim()).filter((item) => item.length > 0);
  const shown = titles.slice(0, 3).map((title) => (title.length > 40 ? `${title.slice(0, 39)}…` : title));
  const rest = titles.length - shown.length;
  return shown.join(separator) + (rest > 0 ? more(rest) : '');
}

export function sellerMessageZh(facts: MessageFacts): string {
  const items = itemList(facts.items, '、', (n) => ` 等${n + 3}件商品`);
  const what = {
    mistake: facts.confirmedAt ? `我在 ${facts.confirmedAt} 误点了“确认收货”，但其实还没有收到货。` : '我误点了“确认收货”，但其实还没有收到货。',
    notReceived: '订单显示已签收或已确认收货，但我还没有收到包裹。',
    damaged: '我收到的商品有损坏，与描述不符。',
  }[facts.situation];
  const ask = {
    mistake: '麻烦帮忙查一下物流和包裹位置；如果确实没有发出，请补发或退款。',
    notReceived: '麻烦帮忙查一下物流和包裹在哪里；如果丢件，请补发或退款。',
    damaged: '我可以提供照片，请问是退货退款还是换货？',
  }[facts.situation];
  const lines = [
    '您好！',
    `订单号：${facts.orderId}`,
    ...(items ? [`商品：${items}`] : []),
    ...(facts.amount ? [`实付金额：${facts.amount}`] : []),
    what,
    ask,
    '谢谢！',
  ];
  return lines.join('\n');
}

export function sellerMessageEn(facts: MessageFacts): string {
  const items = itemList(facts.items, '; ', (n) => ` and ${n} more`);
  const what = {
    mistake: facts.confirmedAt
      ? `I clicked "confirm receipt" by mistake at ${facts.confirmedAt}, but I have not received the goods yet.`
      : 'I clicked "confirm receipt" by mistake, but I have not received the goods yet.',
    notReceived: 'The order shows as delivered or confirmed, but I have not received the parcel.',
    damaged: 'The goods I received are damaged and not as described.',
  }[facts.situation];
  const ask = {
    mistake: 'Could you please check the logistics and where the parcel is? If it was never shipped, please send it or refund me.',
    notReceived: 'Could you please check the logistics and find the parcel? If it is lost, please send it again or refund me.',
    damaged: 'I can send photos. Would you prefer a return and refund, or a replacement?',
  }[facts.situation];
  const lines = [
    'Hello,',
    `Order number: ${facts.orderId}`,
    ...(items ? [`Items: ${items}`] : []),
    ...(facts.amount ? [`Amount paid: ${facts.amount}`] : []),
    what,
    ask,
    'Thank you!',
  ];
  return lines.join('\n');
}
