import { createElement, isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { t } from '../i18n';
import { PaneErrorBoundary } from './PaneErrorBoundary';

// No input is known that still makes a pane fail (each one found was fixed at its cause), so the
// boundary is driven here through the methods React calls on it. The tests run without a DOM:
// what it draws is read as the server would write it.

type Props = ConstructorParameters<typeof PaneErrorBoundary>[0];

function boundary(props: Partial<Props> = {}) {
  const instance = new PaneErrorBoundary({
    failed: t.paneError.report,
    children: createElement('p', null, '表三'),
    ...props,
  });
  // Not mounted: the state React would set is set by the test.
  instance.setState = vi.fn((state) => Object.assign(instance.state, state));
  return instance;
}

function failed(instance: PaneErrorBoundary, error: unknown) {
  instance.state = PaneErrorBoundary.getDerivedStateFromError(error);
  instance.componentDidCatch();
}

/** The buttons drawn, by their text, with their click handlers. */
function buttons(node: ReactNode): Map<string, () => void> {
  const found = new Map<string, () => void>();
  const walk = (child: ReactNode): void => {
    if (Array.isArray(child)) child.forEach(walk);
    if (!isValidElement<{ children?: ReactNode; onClick?: () => void }>(child)) return;
    const { children, onClick } = child.props;
    if (child.type === 'button' && typeof children === 'string' && onClick)
      found.set(children, onClick);
    walk(children);
  };
  walk(node);
  return found;
}

function markup(instance: PaneErrorBoundary): string {
  return renderToStaticMarkup(createElement('div', null, instance.render()));
}

describe('a pane that fails', () => {
  it('shows its children while nothing has failed', () => {
    expect(markup(boundary())).toBe('<div><p>表三</p></div>');
  });

  it('says what failed in its place, with 移除此报告 and 重试, and reports the failure once', () => {
    const onError = vi.fn();
    const onRemove = vi.fn();
    const pane = boundary({ onError, onRemove });
    failed(pane, new RangeError('Maximum call stack size exceeded'));
    const html = markup(pane);
    expect(html).toContain('role="alert"');
    expect(html).toContain('此报告无法显示：Maximum call stack size exceeded');
    expect(html).toContain('>移除此报告</button>');
    expect(html).toContain('>重试</button>');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onRemove).not.toHaveBeenCalled();
    buttons(pane.render()).get('移除此报告')?.();
    expect(onRemove).toHaveBeenCalledTimes(1);
  });

  it('offers no removal where the pane shows no report (the queue)', () => {
    const pane = boundary({ failed: t.paneError.queue });
    failed(pane, 'not an Error');
    const html = markup(pane);
    expect(html).toContain('队列无法显示：not an Error');
    expect(html).not.toContain('移除此报告');
  });

  it('tries again on 重试, and when another report is selected', () => {
    const pane = boundary({ resetKey: 'a' });
    failed(pane, new Error('boom'));
    buttons(pane.render()).get('重试')?.();
    expect(markup(pane)).toBe('<div><p>表三</p></div>');

    failed(pane, new Error('boom'));
    pane.componentDidUpdate({ ...pane.props });
    expect(markup(pane)).toContain('boom');
    pane.componentDidUpdate({ ...pane.props, resetKey: 'b' });
    expect(markup(pane)).toBe('<div><p>表三</p></div>');
  });
});
