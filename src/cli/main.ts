/** Entry point of the `gutbrain` command: `gutbrain <command> [options]`. */
// Each command is loaded when it is asked for, so `serve` (and the server processes it starts)
// never loads the PDF, import or backup code of the others.

const USAGE = `Usage: gutbrain <command>

Commands:
  serve        start the web app (PORT, DATA_DIR, DATABASE_URL configure it): serve [--workers N]
  demo         create a demo person with 180 days of sample data: demo [--seed N]
  microbiome   analyse a microbiome report: microbiome analyse FILE [--rank genus] [--json]
  import       import a phone or wearable export: import FILE --email ADDRESS [--source apple-health|fitbit|oura|gadgetbridge]
  backup       copy the SQLite database while the server runs: backup FILE [--force]
  restore      restore a backup (refuses to replace newer data): restore FILE [--force]
  help         show this message`;

async function main(argv: string[]): Promise<number> {
  const [command = 'help'] = argv;
  switch (command) {
    case 'serve':
      await (await import('./serve.ts')).serve(argv.slice(1));
      return -1;
    case 'demo':
      return (await import('./demo.ts')).demoCommand(argv.slice(1));
    case 'microbiome':
      return (await import('./microbiome.ts')).microbiomeCommand(argv.slice(1));
    case 'import':
      return (await import('./import.ts')).importCommand(argv.slice(1));
    case 'backup':
    case 'restore':
      return (await import('./backup.ts')).backupCommand(command, argv.slice(1));
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`gutbrain: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(`gutbrain: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
