// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Gesture, recordEvent } from './gesture';

describe('recordEvent', () => {
  it('keeps what a replay needs: type, kind, target, coordinates, buttons and modifiers', () => {
    const button = document.createElement('button');
    document.body.append(button);
    let recorded: ReturnType<typeof recordEvent> = null;
    button.addEventListener('click', (e) => (recorded = recordEvent(e)));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 3, clientY: 4, ctrlKey: true, button: 0 }));
    expect(recorded).toMatchObject({ type: 'click', kind: 'mouse', target: button, init: { clientX: 3, clientY: 4, ctrlKey: true, button: 0 } });
  });

  it('records keys by key and code', () => {
    const event = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter' });
    document.body.dispatchEvent(event);
    expect(recordEvent(event)).toMatchObject({ kind: 'keyboard', init: { key: 'Enter', code: 'Enter' } });
  });
});

describe('Gesture', () => {
  const fire = (gesture: Gesture, type: string, at: number) => {
    const event = new MouseEvent(type, { bubbles: true });
    document.body.dispatchEvent(event);
    gesture.add(event, at);
  };

  it('collects one activation, from the press to the click', () => {
    const gesture = new Gesture();
    for (const [i, type] of ['mousedown', 'mouseup', 'click'].entries()) fire(gesture, type, i);
    expect(gesture.take().map((e) => e.type)).toEqual(['mousedown', 'mouseup', 'click']);
    expect(gesture.take()).toEqual([]);
  });

  it('forgets a press that led nowhere long ago', () => {
    const gesture = new Gesture(1_000);
    fire(gesture, 'mousedown', 0);
    fire(gesture, 'click', 5_000);
    expect(gesture.take().map((e) => e.type)).toEqual(['click']);
  });
});
