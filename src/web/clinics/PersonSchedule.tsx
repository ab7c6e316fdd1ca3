/**
 * The questionnaire schedule a clinician sets for one person: PHQ-9, GAD-7 and WHO-5 each off or
 * every 1, 2 or 4 weeks. The person sees what is due on Checks and in their reminders; an overdue
 * one lifts them up the caseload.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { deleteSchedule, putSchedule } from '../../contract/clinics.ts';
import { INSTRUMENT_IDS, INSTRUMENTS, type InstrumentId } from '../../core/screeners/instruments.ts';
import { callApi } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/States.tsx';
import { CLINICS, type DueQuestionnaire } from './queries.ts';
import { dueWords } from './words.ts';

type Ids = { clinicId: string; personId: string };

export function PersonSchedule({
  ids,
  schedule,
  today,
}: {
  ids: Ids;
  schedule: readonly DueQuestionnaire[];
  today: string;
}) {
  const qc = useQueryClient();
  // The first one is due on this day (a session already held can count from its own date).
  const [startDate, setStart] = useState(today);
  const set = useMutation({
    mutationFn: ({ instrument, every }: { instrument: InstrumentId; every: '' | '1' | '2' | '4' }) =>
      every === ''
        ? callApi<typeof deleteSchedule>(
            'DELETE /api/clinician/clinics/:clinicId/people/:personId/schedules/:instrument',
            { params: { ...ids, instrument } },
          )
        : callApi<typeof putSchedule>(
            'PUT /api/clinician/clinics/:clinicId/people/:personId/schedules/:instrument',
            {
              params: { ...ids, instrument },
              body: { everyWeeks: Number(every) as 1 | 2 | 4, ...(startDate ? { startDate } : {}) },
            },
          ),
    onSuccess: () => qc.invalidateQueries({ queryKey: CLINICS }),
  });
  return (
    <section className="card" aria-labelledby="schedule-title">
      <h2 className="card-title" id="schedule-title">
        Questionnaire schedule
      </h2>
      <div className="form">
        <Field
          label="First one due on"
          type="date"
          value={startDate}
          hint="Used when you set or change a schedule below."
          onChange={(e) => setStart(e.target.value)}
        />
        {INSTRUMENT_IDS.map((id) => {
          const current = schedule.find((s) => s.instrument === id);
          return (
            <div key={id} className="schedule-row">
              <label className="field">
                <span>{INSTRUMENTS[id].shortName}</span>
                <select
                  value={current ? String(current.everyWeeks) : ''}
                  disabled={set.isPending}
                  onChange={(e) =>
                    set.mutate({ instrument: id, every: e.target.value as '' | '1' | '2' | '4' })
                  }
                >
                  <option value="">Not scheduled</option>
                  <option value="1">Every week</option>
                  <option value="2">Every 2 weeks</option>
                  <option value="4">Every 4 weeks</option>
                </select>
              </label>
              {current && (
                <p className={`small due-${current.status}`} data-testid={`schedule-${id}`}>
                  {dueWords(current)}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {set.error && <Notice kind="error">{set.error.message}</Notice>}
      <p className="small muted">
        The person sees what is due on their Checks page and in their reminders. Three days after the due date
        it counts as overdue here.
      </p>
    </section>
  );
}
