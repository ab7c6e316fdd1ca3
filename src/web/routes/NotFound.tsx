import { Link } from 'react-router';
import { EmptyState } from '../components/States.tsx';

export default function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link className="button" to="/today">
          Go to Today
        </Link>
      }
    >
      There is nothing at this address.
    </EmptyState>
  );
}
