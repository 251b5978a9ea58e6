package dev.lazyinit.harness.dynamiclayer;

import com.anarsoft.race.detection.main.ProcessEvents;
import com.anarsoft.race.detection.process.run.ProcessRunContextBuilder;
import com.vmlens.setup.EventDirectoryAndArgLine;
import com.vmlens.setup.SetupAgent;
import dev.lazyinit.harness.support.Forked;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link DynamicRaces} in a JVM of its own under VMLens' agent, then turns the events the agent recorded into
 * VMLens' HTML report. The program gets a JVM of its own because the agent instruments every class it loads: in the
 * test's JVM it would trace the test framework too, and could not be removed afterwards.
 *
 * <p>What could go wrong, and how it shows:
 * <ul>
 *   <li>the program fails or hangs (a holder that deadlocks under some interleaving): it is stopped after
 *       {@link DynamicLayer#TIMEOUT_SECONDS} and an {@link IOException} names its log,
 *       {@code traced-program.log};</li>
 *   <li>the preview source sets' classes do not load: the forked JVM gets {@code --enable-preview} whenever this
 *       one runs with it;</li>
 *   <li>the agent attaches but instruments nothing (a JDK newer than {@link DynamicLayer#NEWEST_TRACED_JDK}): the
 *       report is written and shows no field access, which {@link DynamicLayer#tracedAnything} tells apart.</li>
 * </ul>
 */
final class TracedProgram {

    private TracedProgram() {
    }

    /**
     * @param dir a folder for the agent, its events, the report and the program's output
     * @param strategies the strategies to trace, as the registry names them
     * @return VMLens' report folder ({@code dir/report})
     * @throws IOException if the traced program fails or times out
     * @throws InterruptedException if interrupted while waiting for it
     */
    static Path trace(Path dir, List<String> strategies) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        EventDirectoryAndArgLine agent = new SetupAgent(dir.resolve("agent").toFile(), "").setup();
        List<String> command = new ArrayList<>(List.of(Forked.java(), agent.argLine()));
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("--enable-preview")) {
            command.add("--enable-preview"); // the preview source sets' classes need it to load
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DynamicRaces.class.getName()));
        command.addAll(strategies);
        Forked.run("the traced program", command, dir.resolve("traced-program.log"), DynamicLayer.TIMEOUT_SECONDS);
        Path report = dir.resolve("report");
        new ProcessEvents(agent.eventDirectory().toPath(), report, new ProcessRunContextBuilder().build()).process();
        return report;
    }
}
