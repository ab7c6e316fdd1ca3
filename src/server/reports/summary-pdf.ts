/**
 * The printable summary (PDF, A4) a person downloads or a clinician reads: diary averages with a
 * mood and sleep chart, questionnaire scores with their bands, programs and microbiome results.
 * Drawn with PDFKit's built-in Helvetica, so no font files are needed.
 *
 * @example const pdf = await renderSummaryPdf(summary, new Date()); reply.type('application/pdf').send(pdf);
 */
import PDFDocument from 'pdfkit';
import { daysBetween } from '../../core/dates.ts';
import type { DiaryDay, Summary } from '../../core/sharing/summary.ts';

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#616e7c';
const ACCENT = '#2f7d6d';
const SECOND = '#7a5cc2';
const ALERT = '#a61b1b';

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string) {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text).moveDown(0.3);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
}

/** A small line chart of one diary value over the period, with its scale on the left. */
function chart(
  doc: Doc,
  days: readonly DiaryDay[],
  period: { from: string; to: string },
  series: { pick: (d: DiaryDay) => number | null; color: string; label: string; min: number; max: number },
) {
  const width = doc.page.width - 2 * MARGIN - 30;
  const height = 90;
  if (doc.y + height + 30 > doc.page.height - MARGIN) doc.addPage();
  const left = MARGIN + 30;
  const top = doc.y + 5;
  const span = Math.max(1, daysBetween(period.from, period.to));
  const x = (date: string) => left + (daysBetween(period.from, date) / span) * width;
  const y = (v: number) => top + height - ((v - series.min) / (series.max - series.min)) * height;
  doc.lineWidth(0.5).strokeColor('#cbd2d9').rect(left, top, width, height).stroke();
  doc.fontSize(8).fillColor(MUTED);
  doc.text(String(series.max), MARGIN, top - 3, { width: 25, align: 'right' });
  doc.text(String(series.min), MARGIN, top + height - 6, { width: 25, align: 'right' });
  doc.text(period.from, left, top + height + 3);
  doc.text(period.to, left + width - 60, top + height + 3, { width: 60, align: 'right' });
  const points = days.flatMap((d) => {
    const v = series.pick(d);
    return v === null ? [] : [[x(d.date), y(Math.min(series.max, Math.max(series.min, v)))] as const];
  });
  if (points.length > 1) {
    doc.lineWidth(1.5).strokeColor(series.color);
    const [first, ...rest] = points;
    doc.moveTo(first?.[0] ?? left, first?.[1] ?? top);
    for (const [px, py] of rest) doc.lineTo(px, py);
    doc.stroke();
  }
  for (const [px, py] of points) doc.circle(px, py, 1.8).fillColor(series.color).fill();
  doc
    .fontSize(9)
    .fillColor(series.color)
    .text(series.label, left + 4, top + 3);
  doc.x = MARGIN;
  doc.y = top + height + 18;
  doc.fontSize(10).fillColor(INK);
}

export function renderSummaryPdf(summary: Summary, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Gutbrain summary — ${summary.person.displayName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT).text('Gutbrain summary');
  doc.font('Helvetica').fontSize(12).fillColor(INK).text(summary.person.displayName);
  doc
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${summary.period.from} to ${summary.period.to} · made ${generatedAt.toISOString().slice(0, 10)}`);
  doc.moveDown(0.5).fontSize(9).text(summary.notice);

  // Safety first, in words: item 9 and every safety event, never only a band.
  const safety = summary.safety;
  heading(doc, 'Safety');
  doc.text(safety.summary);
  if (safety.item9) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .text('PHQ-9 item 9 (thoughts of being better off dead or of self-harm)');
    doc.font('Helvetica');
    if (safety.item9.length === 0) doc.text('No PHQ-9 in this period.', { indent: 12 });
    for (const a of safety.item9) {
      doc
        .fillColor(a.answer > 0 ? ALERT : INK)
        .text(`${a.date}    answered "${a.answerLabel}" (${a.answer} of 3)`, { indent: 12 })
        .fillColor(INK);
    }
  }
  if (safety.events.length > 0) {
    doc.moveDown(0.3).font('Helvetica-Bold').text('Safety events').font('Helvetica');
    for (const e of safety.events) {
      doc
        .fillColor(e.level === 'urgent' ? ALERT : INK)
        .text(`${e.date}    ${e.words}`, { indent: 12 })
        .fillColor(INK);
    }
  }

  if (summary.diary) {
    heading(doc, 'Daily check-ins');
    const a = summary.diary.averages;
    const fmt = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);
    doc.text(
      `${a.daysWithEntries} days with entries. Averages: mood ${fmt(a.mood, ' / 10')} · energy ${fmt(a.energy, ' / 10')} · sleep ${fmt(a.sleepHours, ' h')} · stress ${fmt(a.stress, ' / 10')}`,
    );
    const d = summary.diary.devices;
    if (d) {
      doc.text(
        `From a watch or phone, ${d.days} days: steps ${fmt(d.steps, ' a day')} · resting heart rate ${fmt(d.restingHeartRate, ' /min')} · heart-rate variability (SDNN) ${fmt(d.hrvSdnn, ' ms')}`,
      );
    }
    doc.moveDown(0.5);
    if (summary.diary.days.length > 0) {
      chart(doc, summary.diary.days, summary.period, {
        pick: (d) => d.mood,
        color: ACCENT,
        label: 'Mood (1–10)',
        min: 1,
        max: 10,
      });
      chart(doc, summary.diary.days, summary.period, {
        pick: (d) => d.sleepHours,
        color: SECOND,
        label: 'Sleep (hours)',
        min: 0,
        max: 12,
      });
    }
  }

  if (summary.questionnaires) {
    heading(doc, 'Questionnaires');
    if (summary.questionnaires.length === 0) doc.text('None in this period.');
    for (const q of summary.questionnaires) {
      doc.font('Helvetica-Bold').text(`${q.name} (${q.scoreLabel})`).font('Helvetica');
      for (const p of q.points) doc.text(`${p.date}    ${p.score}    ${p.band ?? ''}`, { indent: 12 });
      doc.moveDown(0.3);
    }
  }

  if (summary.programs) {
    heading(doc, 'Programs');
    if (summary.programs.length === 0) doc.text('None.');
    for (const p of summary.programs) {
      doc.text(`${p.title} — started ${p.startDate}, ${p.status}`);
      const weeks = p.weeks
        .map((w) => `week ${w.week}: ${w.percent === null ? '—' : `${w.percent}%`}`)
        .join(' · ');
      if (weeks)
        doc
          .fontSize(9)
          .fillColor(MUTED)
          .text(`Goals met ${weeks}`, { indent: 12 })
          .fontSize(10)
          .fillColor(INK);
    }
  }

  if (summary.microbiome) {
    heading(doc, 'Microbiome results');
    if (summary.microbiome.length === 0) doc.text('None.');
    for (const m of summary.microbiome) {
      const diversity =
        m.shannonNats === null
          ? 'no profile'
          : `Shannon ${m.shannonNats.toFixed(2)} (nats), ${m.observed} taxa`;
      doc.text(`${m.date}  ${m.label}: ${diversity}`);
    }
  }

  doc
    .moveDown(1.5)
    .fontSize(8)
    .fillColor(MUTED)
    .text('Shared from Gutbrain by the person it describes. It is self-tracking, not a medical record.');
  doc.end();
  return done;
}
