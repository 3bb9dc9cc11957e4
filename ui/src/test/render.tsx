import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import i18n from '../i18n';
import { AppProviders } from '../Providers';
import { createQueryClient } from '../queries';

export async function renderApp() {
  await i18n.changeLanguage('en');
  const user = userEvent.setup();
  const client = createQueryClient();
  const utils = render(
    <AppProviders client={client}>
      <App />
    </AppProviders>,
  );
  return { user, client, ...utils };
}
