import { Link } from 'react-router';
import { EmptyState } from './States.tsx';

export default function NotFound() {
  return (
    <>
      <header className="page-head">
        <h1>Page not found</h1>
      </header>
      <EmptyState
        title="There is nothing at this address"
        action={
          <Link className="button" to="/today">
            Go to Today
          </Link>
        }
      >
        The link may be old, or the page may have moved.
      </EmptyState>
    </>
  );
}
