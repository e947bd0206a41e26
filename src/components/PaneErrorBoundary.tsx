import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

interface Props {
  /** What the pane shows, for the message: `此报告无法显示：…`, `队列无法显示：…`. */
  failed: (message: string) => string;
  /** When this changes (another report is selected), the pane tries again. */
  resetKey?: string | null;
  /** Told once per failure, e.g. so that the failing report is not reselected on the next load. */
  onError?: () => void;
  /** 移除此报告, offered when the pane shows a report. */
  onRemove?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A pane that fails to render says so in its place, instead of blanking the whole page: the queue,
 * the top bar and the other panes stay usable, so the reviewer can remove the report or clear the
 * workspace.
 */
export class PaneErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(messageOf(error)) };
  }

  override componentDidCatch(): void {
    this.props.onError?.();
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.retry();
  }

  retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { failed, onRemove } = this.props;
    return (
      <div className="pane-error" role="alert" data-testid="pane-error">
        <p className="error-text">{failed(messageOf(error))}</p>
        <div className="pane-error-actions">
          {onRemove && (
            <button type="button" className="button danger" onClick={onRemove}>
              {t.paneError.remove}
            </button>
          )}
          <button type="button" className="button" onClick={this.retry}>
            {t.paneError.retry}
          </button>
        </div>
      </div>
    );
  }
}
