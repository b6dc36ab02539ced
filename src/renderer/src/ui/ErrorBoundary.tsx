import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Names the part of the UI that failed, shown to the user. */
  area: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/** A render error shows a message and a retry button instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[ui] ${this.props.area} crashed:`, error.message, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="error-panel" role="alert" data-testid="crash-panel">
        <strong>Something went wrong in the {this.props.area}.</strong>
        <p className="error-message">{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
