/**
 * The everyday-use strip under the header on signed-in pages: the offline queue's state, due
 * reminders and the first-run tour. One place so every page gets them without touching the pages.
 */
import { OfflineStatus } from '../offline/OfflineStatus.tsx';
import { ReminderBanner } from '../reminders/ReminderBanner.tsx';
import type { Person } from '../session.tsx';
import { FirstRunTour } from './FirstRunTour.tsx';
import './everyday.css';

export function Everyday({ person }: { person: Person }) {
  return (
    <div className="everyday">
      <OfflineStatus personId={person.id} />
      <ReminderBanner personId={person.id} />
      <FirstRunTour personId={person.id} />
    </div>
  );
}
