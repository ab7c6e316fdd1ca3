/**
 * How Gutbrain reads a person's own numbers (Insights' findings and experiments), with the methods'
 * sources: so "clear", "possible" and an experiment's verdict can be checked, not taken on trust.
 */
const SOURCES: { text: string; href?: string }[] = [
  {
    text: 'Bayley G. V. & Hammersley J. M. (1946). The “effective” number of independent observations in an autocorrelated time series. J. R. Stat. Soc. Suppl. 8:184–197.',
  },
  {
    text: 'Bartlett M. S. (1935). Some aspects of the time-correlation problem in regard to tests of significance. J. R. Stat. Soc. 98:536–543.',
  },
  {
    text: 'Zwiers F. W. & von Storch H. (1995). Taking serial correlation into account in tests of the mean. J. Climate 8:336–351.',
    href: 'https://doi.org/10.1175/1520-0442(1995)008%3C0336:TSCIAI%3E2.0.CO;2',
  },
  {
    text: 'Benjamini Y. & Hochberg Y. (1995). Controlling the false discovery rate. J. R. Stat. Soc. B 57:289–300.',
    href: 'https://doi.org/10.1111/j.2517-6161.1995.tb02031.x',
  },
  {
    text: 'Holm S. (1979). A simple sequentially rejective multiple test procedure. Scand. J. Statist. 6:65–70.',
  },
  {
    text: 'Welch B. L. (1947). The generalization of “Student’s” problem when several different population variances are involved. Biometrika 34:28–35.',
    href: 'https://doi.org/10.1093/biomet/34.1-2.28',
  },
  {
    text: 'Fieller E. C., Hartley H. O. & Pearson E. S. (1957). Tests for rank correlation coefficients. Biometrika 44:470–481.',
    href: 'https://doi.org/10.1093/biomet/44.3-4.470',
  },
];

export default function LearnMethods() {
  return (
    <details className="card learn-topic learn-methods">
      <summary>
        <h3 className="learn-topic-title">How Gutbrain reads your own numbers</h3>
        <span className="muted small">
          What “clear”, “possible” and an experiment’s result mean, and where the methods come from.
        </span>
      </summary>
      <p>
        <strong>Days come in runs.</strong> A good day tends to follow a good day, so 60 days of diary hold
        less news than 60 separate coin tosses. Two habits that each run in streaks line up by chance far more
        often than independent days would. Gutbrain measures how much each of your measures carries over from
        one day to the next and counts fewer “effective” days when it does (Bayley &amp; Hammersley’s
        effective sample size, from Bartlett’s formula).
      </p>
      <p>
        <strong>Many comparisons.</strong> Gutbrain compares every habit, food and sleep time with every
        outcome. Among dozens of comparisons a few look striking by chance, so the certainty words allow for
        how many were made (the Benjamini–Hochberg false discovery rate): “clear” means under 5 % of such
        findings are expected to be chance, “possible” under 20 %; anything else “can’t tell yet”.
      </p>
      <p>
        <strong>Experiments.</strong> You choose one outcome when an experiment starts, and only it gets a
        verdict, only at the end; looking every day and judging each look would multiply false alarms. Its
        likely range allows for runs of days (an AR(1) model of day-to-day carry-over, as Zwiers &amp; von
        Storch recommend for short series). Other outcomes are shown as exploratory and adjusted for each
        other (Holm). A simulation with no real change anywhere checks that a verdict comes up in no more than
        about 5 % of experiments.
      </p>
      <p className="small muted">
        All of these are associations in your own records. None of them shows a cause.
      </p>
      <ol className="citations small">
        {SOURCES.map((s) => (
          <li key={s.text}>
            {s.text}{' '}
            {s.href && (
              <a href={s.href} rel="noreferrer" target="_blank">
                {s.href.replace('https://', '').replace('%3C', '<').replace('%3E', '>')}
              </a>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
