// A step whose screen fails to render shows what happened and a way out, instead of blanking the whole window; what
// the user typed is already saved (every field autosaves), so nothing is lost.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import i18n from '../i18n';

interface State {
  error: Error | null;
}

export class StepErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A step failed to render', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={i18n.t('wizard.stepFailed')} data-testid="step-failed">
        <Text size="sm">{i18n.t('wizard.stepFailedBody')}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          {this.state.error.message}
        </Text>
        <Button mt="sm" variant="light" color="red" onClick={() => this.setState({ error: null })}>
          {i18n.t('wizard.stepFailedRetry')}
        </Button>
      </Alert>
    );
  }
}
