// `npm run -s legal -- <command> ...`: command-line access to the legal text engine.
// Each command lives in its own module (cli-<command>.ts), loaded only when it runs.

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import("./cli-parse")).runParse,
  compare: async () => (await import("./cli-compare")).runCompare,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) {
    process.stderr.write(`用法：legal <${Object.keys(COMMANDS).join("|")}> …\n`);
    return 2;
  }
  let command: Command;
  try {
    command = await load();
  } catch (error) {
    process.stderr.write(`命令 ${name} 暂不可用\n`);
    console.error(`legal: cannot load command "${name}": ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return command(args);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
