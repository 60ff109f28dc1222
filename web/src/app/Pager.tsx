/** "First page" / "Next page" for a list paged by cursor; nothing when there is only one page. */
export function Pager({
  after,
  pageInfo,
  goTo,
}: {
  after: string | null;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  goTo: (cursor: string | null) => void;
}) {
  if (!after && !pageInfo.hasNextPage) return null;
  return (
    <div className="pager">
      {after && (
        <button type="button" className="button" onClick={() => goTo(null)}>
          First page
        </button>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <button type="button" className="button" onClick={() => goTo(pageInfo.endCursor ?? null)}>
          Next page
        </button>
      )}
    </div>
  );
}
