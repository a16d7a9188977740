// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { controlInPath, controlText, findConfirmReceiptControls, isConfirmReceiptControl } from './detect';

function html(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = markup;
  return container;
}

describe('isConfirmReceiptControl', () => {
  it.each([
    ['a link', '<a href="//trade.taobao.com/trade/confirmGoods.htm?biz_order_id=1">确认收货</a>'],
    ['a button', '<button type="button">确认收货</button>'],
    ['a submit input', '<input type="submit" value="确认收货">'],
    ['a role=button element', '<span role="button">确认收货</span>'],
    ['text with spaces and nbsp', '<a href="#"> 确认&nbsp;收货 </a>'],
    ['text split across children', '<button><span>确认</span><em>收货</em></button>'],
  ])('accepts %s', (_, markup) => {
    expect(isConfirmReceiptControl(html(markup).firstElementChild!)).toBe(true);
  });

  it.each([
    ['a status label', '<span>确认收货</span>'],
    ['the address confirmation', '<button>确认收货地址</button>'],
    ['the already-confirmed status', '<a href="#">已确认收货</a>'],
    ['a neighbour action', '<a href="#">查看物流</a>'],
    ['prose that mentions it', '<a href="#">请在收到货后再点击确认收货</a>'],
  ])('rejects %s', (_, markup) => {
    expect(isConfirmReceiptControl(html(markup).firstElementChild!)).toBe(false);
  });
});

describe('findConfirmReceiptControls', () => {
  it('finds every control in an order list and nothing else', () => {
    const list = html(`
      <div class="order"><span>卖家已发货</span><a href="/c?id=1">确认收货</a><a href="/l?id=1">查看物流</a></div>
      <div class="order"><span>交易成功</span><a href="/r?id=2">评价</a></div>
      <div class="order"><button>确认收货</button><button>延长收货</button></div>`);
    expect(findConfirmReceiptControls(list).map((el) => el.tagName)).toEqual(['A', 'BUTTON']);
  });

  it('includes the root itself', () => {
    const button = html('<button>确认收货</button>').firstElementChild!;
    expect(findConfirmReceiptControls(button)).toEqual([button]);
  });
});

describe('controlInPath', () => {
  it('finds the control around the clicked icon', () => {
    const root = html('<a href="#"><i class="icon"></i><span>确认收货</span></a>');
    const anchor = root.querySelector('a')!;
    const span = root.querySelector('span')!;
    expect(controlInPath([span, anchor, root, document.body])).toBe(anchor);
  });

  it('returns undefined when the click was elsewhere', () => {
    const root = html('<a href="#">查看物流</a>');
    expect(controlInPath([root.firstElementChild!, root])).toBeUndefined();
  });
});

describe('controlText', () => {
  it('reads the value of inputs', () => {
    expect(controlText(html('<input type="button" value=" 确认 收货 ">').firstElementChild!)).toBe('确认收货');
  });
});
