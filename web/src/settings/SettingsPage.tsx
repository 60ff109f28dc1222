import { PagePlaceholder } from '../app/PagePlaceholder';

export function SettingsPage() {
  return (
    <PagePlaceholder title="Settings">
      Configuration for SLAs, quantity tolerances, units, replay targets and API keys.
    </PagePlaceholder>
  );
}
