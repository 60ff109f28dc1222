import { PagePlaceholder } from '../app/PagePlaceholder';

export function RoiPage() {
  return (
    <PagePlaceholder title="ROI">
      What the integration is worth: postings that went through without manual touch, the hours that saves, and the value at risk
      in postings that are still open or wrong.
    </PagePlaceholder>
  );
}
