package io.fedrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code fedrouter} command. */
@Command(name = "fedrouter",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Learn one LLM router across clients by federated learning, and evaluate it.",
        subcommands = {
            DemoCommand.class,
            ExperimentCommand.class,
            BenchCommand.class,
            SynthCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Bad input is the user's to fix: say what and where, without a stack trace.
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException) {
                commandLine.getErr().println("fedrouter: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"fedrouter " + (v == null ? "dev" : v)};
        }
    }
}
