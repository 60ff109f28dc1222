import { useEffect, useRef } from 'react';

/**
 * A modal <dialog> that opens itself when it mounts: focus moves into it, Escape closes it, the page
 * behind is inert. Put the returned ref on the <dialog>.
 */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
