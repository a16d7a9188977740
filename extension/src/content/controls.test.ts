// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { controlFor, controlInPath } from './controls';
import { COMMON_LABELS, LabelMatcher } from './labels';

const labels = new LabelMatcher(COMMON_LABELS);

function mount(markup: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${markup}</div>`;
  return document.getElementById('root')!;
}

/** The control found from the innermost element holding the text (where a text walk would start). */
function controlFromText(root: HTMLElement): Element | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const control = controlFor(node.parentElement!, labels);
    if (control) return control;
  }
  return null;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('controlFor: what is a control', () => {
  it.each([
    ['a link', '<a id="c" href="/confirm?id=1">确认收货</a>'],
    ['a button', '<button id="c">确认收货</button>'],
    ['a role=button element', '<span id="c" role="button">确认收到货</span>'],
    ['an element with an inline click handler', '<div id="c" onclick="go()">批量确认收货</div>'],
    ['an element with a tab stop', '<div id="c" tabindex="0">確認收貨</div>'],
    ['an element styled as clickable', '<style>.btn{cursor:pointer}</style><div id="c" class="btn">Confirm receipt</div>'],
    ['text split across children, with an icon', '<a id="c" href="#x"><i class="iconfont">\ue600</i><span>确认</span><span>收货</span></a>'],
    ['a label with spaces and nbsp', '<button id="c"> 确认&nbsp;收货 </button>'],
    ['English in another case', '<button id="c">ORDER RECEIVED</button>'],
    ['Korean', '<button id="c">구매확정</button>'],
    ['Japanese', '<button id="c">受取確認</button>'],
  ])('%s', (_, markup) => {
    const root = mount(markup);
    expect(controlFromText(root)).toBe(document.getElementById('c'));
  });

  it('takes the outermost real control when label and control are nested', () => {
    const root = mount('<a id="c" href="#"><span class="btn" style="cursor:pointer"><em>确认收货</em></span></a>');
    expect(controlFromText(root)).toBe(document.getElementById('c'));
  });

  it('reads the value of submit inputs and the accessible name of icon buttons', () => {
    mount('<input id="i" type="submit" value="确认收货"><button id="b" aria-label="确认收货"><svg></svg></button>');
    expect(controlFor(document.getElementById('i')!, labels)).toBe(document.getElementById('i'));
    expect(controlFor(document.getElementById('b')!, labels)).toBe(document.getElementById('b'));
  });
});

describe('controlFor: false friends', () => {
  it.each([
    ['the address confirmation', '<a href="#">确认收货地址</a>'],
    ['the consignee', '<a href="#">确认收货人</a>'],
    ['consignee details', '<button>收货人信息</button>'],
    ['the address', '<a href="#">收货地址</a>'],
    ['the confirmed status', '<a href="#">已确认收货</a>'],
    ['the confirmation time', '<button>确认收货时间</button>'],
    ['prose in a link', '<a href="#">请收到商品后再点击确认收货</a>'],
    ['a neighbour: pay now', '<button>立即付款</button>'],
    ['a neighbour: logistics', '<a href="#">查看物流</a>'],
    ['a neighbour: extend', '<a href="#">延长收货</a>'],
    ['a plain status label', '<span>确认收货</span>'],
    ['a label inside a clickable card (inherited cursor)', '<style>.card{cursor:pointer}</style><div class="card"><span>确认收货</span><p>订单详情</p></div>'],
    ['a disabled button', '<button disabled>确认收货</button>'],
    ['an option', '<select><option>确认收货</option></select>'],
    ['a textarea', '<textarea>确认收货</textarea>'],
    ['a script', '<script>var label = "确认收货";</script>'],
    ['a tab-stop removed with tabindex=-1', '<div tabindex="-1">确认收货</div>'],
  ])('%s is not a control', (_, markup) => {
    expect(controlFromText(mount(markup))).toBeNull();
  });
});

describe('controlInPath', () => {
  it('finds the control around the clicked icon', () => {
    mount('<button id="c"><i id="icon"></i><span>确认收货</span></button>');
    const icon = document.getElementById('icon')!;
    const button = document.getElementById('c')!;
    expect(controlInPath([icon, button, document.body], labels)).toBe(button);
  });

  it('returns null for clicks elsewhere, without reading every ancestor', () => {
    mount('<a id="l" href="#">查看物流</a>');
    expect(controlInPath([document.getElementById('l')!, document.body], labels)).toBeNull();
  });

  it('finds a control inside an open shadow root', () => {
    const root = mount('<order-actions id="host"></order-actions>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button id="inner">确认收货</button>';
    const inner = shadow.getElementById('inner')!;
    expect(controlInPath([inner, shadow, document.getElementById('host')!, root], labels)).toBe(inner);
  });
});
