import { PagePlaceholder } from '../app/PagePlaceholder';

export function ExceptionsPage() {
  return (
    <PagePlaceholder title="Exceptions">
      A triage queue of missing, duplicate, mismatched, late and orphan postings and of failed hops, with the option to replay a
      message once its cause is fixed.
    </PagePlaceholder>
  );
}
