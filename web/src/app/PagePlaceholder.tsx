import type { ReactNode } from 'react';

interface PagePlaceholderProps {
  title: string;
  children: ReactNode;
}

// Pages are not built yet; this states what will be here rather than showing mock data
// that could be mistaken for real measurements.
export function PagePlaceholder({ title, children }: PagePlaceholderProps) {
  return (
    <section className="page">
      <h1 className="page__title">{title}</h1>
      <div className="page__placeholder">
        <p>{children}</p>
        <p className="page__note">Not implemented yet.</p>
      </div>
    </section>
  );
}
