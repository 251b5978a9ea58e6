package dev.lazyinit.harness.dynamiclayer;

import com.anarsoft.race.detection.main.ProcessEvents;
import com.anarsoft.race.detection.process.run.ProcessRunContextBuilder;
import com.vmlens.setup.EventDirectoryAndArgLine;
import com.vmlens.setup.SetupAgent;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.Suppression;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.harness.support.Forked;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import dev.lazyinit.strategy.Strength;
import dev.lazyinit.strategy.VerdictKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dynamic layer: VMLens runs two threads' {@code get()} on a cold holder through every interleaving
 * ({@link DynamicRaces}) and reports each pair of accesses to one field that no happens-before edge orders, a data
 * race; this class judges those races per strategy of the registry, built-in and provided, by the same rules as the
 * static layer, and writes its verdicts in the static layer's format ({@link StaticVerdicts}).
 *
 * <p>What could go wrong: a holder that publishes its value without a happens-before edge. JCStress shows that only
 * where the hardware reorders stores (never on x86); SpotBugs and the bytecode check recognise a few shapes in our
 * classes. VMLens follows what the code does, in any class it loads, library code included, on any hardware.
 *
 * <p>Rules: a strategy that claims {@link Guarantee#SAFE_PUBLICATION} must show no counted race (PASS, else FAIL); a
 * control that violates it is CAUGHT when one is counted, NOT_OBSERVED when not; a strategy that claims neither is
 * not judged (N/A, with the races seen). A PASS is discriminating when a control was CAUGHT in the same run.
 *
 * <p>What VMLens 1.2.17 gets wrong, measured here, and how each is handled, never silently: every race left out is
 * listed in the verdicts file with its rule and reason.
 * <ul>
 *   <li><b>Final fields</b>: it does not model the freeze at the end of a constructor (JLS 17.5), so the racy
 *       read of a reference to an object whose instance fields are all final, which is safe, is reported as a
 *       race. Rule {@link #FINAL_FIELD_RULE}: such a race is left out; the same race on a wrapper with a field
 *       that is not final counts (the {@code BROKEN_FINAL_WRAPPER_NON_FINAL} control).</li>
 *   <li><b>Synchronized methods</b>: it does not see the monitor a {@code synchronized} method takes (a
 *       {@code synchronized} block it does see), so a field accessed only inside {@code synchronized} instance
 *       methods of its class is reported as racy. Rule {@link #SYNCHRONIZED_METHOD_RULE}: a race whose every access
 *       is in such a method is left out; one access outside counts.</li>
 *   <li><b>VarHandle and JDK internals</b>: accesses through a {@code VarHandle}, and inside {@code java.*}, are
 *       not traced. Where a run shows no field access at all, the layer could not have seen a race: a claimed
 *       strategy is N/A, a control NOT_OBSERVED ({@code BROKEN_DCL_VAR_HANDLE_PLAIN}, which the bytecode check
 *       catches).</li>
 * </ul>
 */
public final class DynamicLayer {

    /** The tool, as the verdicts file names it. */
    public static final String TOOL = "VMLens 1.2.17 (all interleavings of two threads' get() on one cold holder)";

    /** The pattern of a counted race, as findings name it. */
    public static final String DATA_RACE = "VMLENS_DATA_RACE";

    /** How a verdict's note starts when VMLens could not finish a strategy's runs. */
    public static final String FAILED_RUN = "the traced run failed";

    /** Rule name: a racy read of a reference to an object whose instance fields are all final. */
    public static final String FINAL_FIELD_RULE = "final-field freeze not modelled";

    /** Rule name: a race whose every access is inside {@code synchronized} instance methods of the field's class. */
    public static final String SYNCHRONIZED_METHOD_RULE = "synchronized method's monitor not traced";

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern INDEX_ROW = Pattern.compile(
            "<td>\\d+</td>\\s*<td>\\s*<a href=\"(run\\d+\\.html)\">([^<]+)</a>\\s*</td>\\s*<td>(\\d+)</td>\\s*<td>(.*?)</td>",
            Pattern.DOTALL);

    /**
     * The newest JDK feature release VMLens 1.2.17 was measured to trace (17 and 25 were). On JDK 26 its agent
     * starts but instruments nothing: every run shows no field access, the controls' included.
     */
    public static final int NEWEST_TRACED_JDK = 25;

    /** How long the traced program may run before it is stopped and the layer fails. */
    static final long TIMEOUT_SECONDS = 300;

    private DynamicLayer() {
    }

    /**
     * One access the report lists for a strategy's run.
     *
     * @param thread the thread
     * @param operation for example {@code Read}, {@code Volatile Write}, {@code Monitor Enter}
     * @param race whether VMLens marks it part of a data race
     * @param element the field ({@code pkg/Class.field}) or method it touches, or empty
     * @param method the method it is in ({@code pkg/Class.method})
     */
    record Access(String thread, String operation, boolean race, String element, String method) {

        boolean fieldAccess() {
            return operation.equals("Read") || operation.equals("Write") || operation.startsWith("Volatile")
                    || operation.startsWith("Atomic") || element.startsWith("java/util/concurrent/atomic/");
        }
    }

    /**
     * One strategy's run in the report.
     *
     * @param strategy the strategy name (the {@code AllInterleavings} name)
     * @param interleavings how many interleavings VMLens ran
     * @param result its result cell, for example {@code Data race} or {@code Success, Blocked}
     * @param accesses the accesses of the run it shows
     */
    record Run(String strategy, int interleavings, String result, List<Access> accesses) {

        /** @return whether VMLens reports the run itself as failed ({@code Failure}), which is not a race */
        boolean failed() {
            return result.contains("Failure");
        }
    }

    /**
     * Traces the strategies and judges the races.
     *
     * @param dir a folder for the agent, its events, the report and the program's output
     * @return the verdicts, one per registry strategy
     * @throws IOException if the traced program fails, times out, or its report cannot be read
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static StaticVerdicts run(Path dir) throws IOException, InterruptedException {
        // this run's strategies, and the publication controls, so that a PASS here can be discriminating
        List<String> traced = Arrays.stream(Strategy.values()).filter(Strategy::available)
                .filter(s -> Available.inScope(s) || s.violates().contains(Guarantee.SAFE_PUBLICATION))
                .map(Strategy::name).toList();
        Files.createDirectories(dir);
        EventDirectoryAndArgLine agent = new SetupAgent(dir.resolve("agent").toFile(), "").setup();
        List<String> command = new ArrayList<>(List.of(Forked.java(), agent.argLine()));
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("--enable-preview")) {
            command.add("--enable-preview"); // the preview source sets' classes need it to load
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DynamicRaces.class.getName()));
        command.addAll(traced);
        Forked.run("the traced program", command, dir.resolve("traced-program.log"), TIMEOUT_SECONDS);
        Path report = dir.resolve("report");
        new ProcessEvents(agent.eventDirectory().toPath(), report, new ProcessRunContextBuilder().build()).process();
        return judge(read(report), traced.size() + " strategies traced (this run's and the publication controls)");
    }

    /**
     * @param verdicts the layer's verdicts
     * @return whether VMLens saw a field access in any strategy's runs; none at all means it traced nothing
     */
    public static boolean tracedAnything(StaticVerdicts verdicts) {
        return verdicts.verdicts().stream().anyMatch(v -> !v.analysed().isEmpty());
    }

    /**
     * The verdicts of a run on a JDK VMLens does not trace: every strategy N/A, with the reason.
     *
     * @param traced what the run traced, for its settings
     * @param feature this JDK's feature release
     * @return the verdicts to write
     */
    public static StaticVerdicts notTraced(StaticVerdicts traced, int feature) {
        String why = "VMLens 1.2.17 traced no field access on JDK " + feature + ", the controls' neither: it"
                + " instruments nothing on a JDK newer than " + NEWEST_TRACED_JDK + " (measured), so the dynamic"
                + " layer did not run here";
        return new StaticVerdicts(traced.format(), traced.tool(), traced.settings() + "; " + why,
                traced.generatedAt(), traced.verdicts().stream().map(v -> new StaticVerdict(v.strategy(), List.of(),
                        VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(), why)).toList(), List.of());
    }

    /**
     * @param report VMLens' HTML report folder
     * @return the runs it lists, by strategy name
     * @throws IOException if it cannot be read
     */
    static Map<String, Run> read(Path report) throws IOException {
        Path index = report.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            throw new IOException("VMLens wrote no report at " + index);
        }
        Map<String, Run> runs = new LinkedHashMap<>();
        Matcher m = INDEX_ROW.matcher(Files.readString(index, StandardCharsets.UTF_8));
        while (m.find()) {
            String name = m.group(2).strip();
            runs.put(name, new Run(name, Integer.parseInt(m.group(3)), text(m.group(4)),
                    accesses(Files.readString(report.resolve(m.group(1)), StandardCharsets.UTF_8))));
        }
        return runs;
    }

    private static List<Access> accesses(String html) {
        List<Access> accesses = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            if (cells.size() != 5) {
                continue; // the header and the footer
            }
            String operation = text(cells.get(1));
            boolean race = operation.startsWith("Data Race");
            accesses.add(new Access(text(cells.get(0)), race ? operation.substring("Data Race".length()).strip()
                    : operation, race, text(cells.get(2)), text(cells.get(4))));
        }
        return accesses;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * The rules, over a report already read.
     *
     * @param runs the report's runs, by strategy name
     * @param settings how it ran, for the file
     * @return a verdict per registry strategy
     */
    static StaticVerdicts judge(Map<String, Run> runs, String settings) {
        List<Suppression> suppressions = new ArrayList<>();
        List<StaticVerdict> judged = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            judged.add(judge(s, Optional.ofNullable(runs.get(s.name())), suppressions));
        }
        List<StaticVerdict> verdicts = StaticVerdicts.withStrength(judged, "no control was caught in this run");
        return new StaticVerdicts(StaticVerdicts.FORMAT, TOOL, settings, Instant.now().toString(), verdicts,
                suppressions);
    }

    private static StaticVerdict judge(Strategy s, Optional<Run> found, List<Suppression> suppressions) {
        if (!s.available()) {
            return new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    "not built on this JDK: " + s.unavailableReason());
        }
        if (found.isEmpty()) {
            return new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    Available.inScope(s) ? "not in VMLens' report: not traced" : "not in this run's scope ("
                            + Available.SCOPE + "=provided): judged in the store module's run");
        }
        Run run = found.get();
        if (run.failed()) { // neither a race nor its absence: the tool could not finish this strategy's runs
            return new StaticVerdict(s.name(), List.of(), s.violates().contains(Guarantee.SAFE_PUBLICATION)
                    ? VerdictKind.NOT_OBSERVED : VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    FAILED_RUN + ": VMLens reported its run as '" + run.result() + "' after " + run.interleavings()
                            + " interleavings, not a race: no verdict (its report names the last accesses)");
        }
        List<String> touched = run.accesses().stream().filter(Access::fieldAccess).map(Access::element)
                .distinct().toList();
        List<Finding> counted = new ArrayList<>();
        List<String> racyFields = new ArrayList<>(); // the counted races' fields, for the note
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, List<Access>> race : races(run).entrySet()) {
            Finding finding = finding(race.getKey(), race.getValue());
            Optional<Discount> discount = discount(race.getKey(), race.getValue());
            if (discount.isPresent()) {
                suppressions.add(new Suppression(finding, s.name() + ": " + discount.get().reason()));
                leftOut.add(simple(race.getKey()) + " (" + discount.get().rule() + ")");
            } else {
                counted.add(finding);
                racyFields.add(simple(race.getKey()));
            }
        }
        String fields = String.join(", ", racyFields);
        String seen = run.interleavings() + " interleavings, fields or atomics touched: " + touched.size()
                + (leftOut.isEmpty() ? "" : "; a known false alarm left out: race on " + String.join(", ", leftOut));
        boolean claims = s.guarantees(Guarantee.SAFE_PUBLICATION);
        boolean violates = s.violates().contains(Guarantee.SAFE_PUBLICATION);
        if (!claims && !violates) {
            return new StaticVerdict(s.name(), touched, VerdictKind.NOT_APPLICABLE, Strength.NONE, counted,
                    "claims nothing about publication, so not judged; seen: " + seen
                            + (counted.isEmpty() ? ", no race" : ", races on " + fields));
        }
        if (touched.isEmpty()) {
            return claims
                    ? new StaticVerdict(s.name(), touched, VerdictKind.NOT_APPLICABLE, Strength.NONE, counted,
                            "VMLens saw no field access (" + seen + "): its state is behind a VarHandle or in"
                                    + " the JDK, which VMLens does not trace")
                    : new StaticVerdict(s.name(), touched, VerdictKind.NOT_OBSERVED, Strength.NONE, counted,
                            "a blind spot: VMLens saw no field access (" + seen + "); VarHandle accesses are"
                                    + " not traced");
        }
        if (claims) {
            return counted.isEmpty()
                    ? new StaticVerdict(s.name(), touched, VerdictKind.PASS, Strength.NONE, counted,
                            "no race; " + seen)
                    : new StaticVerdict(s.name(), touched, VerdictKind.FAIL, Strength.NONE, counted,
                            "data race on " + fields + "; " + seen);
        }
        return counted.isEmpty()
                ? new StaticVerdict(s.name(), touched, VerdictKind.NOT_OBSERVED, Strength.NONE, counted,
                        "no race counted; " + seen)
                : new StaticVerdict(s.name(), touched, VerdictKind.CAUGHT, Strength.NONE, counted,
                        "data race on " + fields + "; " + seen);
    }

    /**
     * Why a race does not count: one of the rules for what VMLens is known to get wrong.
     *
     * @param rule {@link #FINAL_FIELD_RULE} or {@link #SYNCHRONIZED_METHOD_RULE}
     * @param why why it applies to this race
     */
    record Discount(String rule, String why) {

        /** @return the reason the verdicts file gives: the rule, then why */
        String reason() {
            return rule + ": " + why;
        }
    }

    /** @return the run's racy accesses, by field */
    private static Map<String, List<Access>> races(Run run) {
        Map<String, List<Access>> races = new LinkedHashMap<>();
        run.accesses().stream().filter(Access::race)
                .forEach(a -> races.computeIfAbsent(a.element(), k -> new ArrayList<>()).add(a));
        return races;
    }

    private static Finding finding(String field, List<Access> accesses) {
        int dot = field.lastIndexOf('.');
        String className = (dot < 0 ? field : field.substring(0, dot)).replace('/', '.');
        String how = String.join(", ", accesses.stream()
                .map(a -> a.operation().toLowerCase(java.util.Locale.ROOT) + " in " + simple(a.method())
                        + " (" + a.thread() + ")").distinct().toList());
        return new Finding(DATA_RACE, "MT_CORRECTNESS", className, 0, "data race on " + simple(field) + ": " + how);
    }

    /**
     * The two rules for what VMLens is known to get wrong.
     *
     * @param field the racy field, {@code pkg/Class.field}
     * @param accesses its racy accesses
     * @return why the race does not count, if it does not
     */
    static Optional<Discount> discount(String field, List<Access> accesses) {
        Optional<Field> f = field(field);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = f.get().getType();
        if (!type.isInterface() && !type.isPrimitive() && !type.isArray() && type != Object.class
                && allFinal(type)) {
            return Optional.of(new Discount(FINAL_FIELD_RULE, simple(field) + " refers to a " + type.getSimpleName()
                    + ", whose instance fields are all final, so a racy read sees null or the object as its"
                    + " constructor left it (JLS 17.5); VMLens does not model the final-field freeze"));
        }
        Class<?> owner = f.get().getDeclaringClass();
        boolean allSynchronized = !Modifier.isStatic(f.get().getModifiers()) && accesses.stream().allMatch(a -> {
            String method = a.method().substring(a.method().lastIndexOf('.') + 1);
            List<Method> named = Arrays.stream(owner.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                    .toList();
            return a.method().startsWith(owner.getName().replace('.', '/') + ".") && !named.isEmpty()
                    && named.stream().allMatch(m -> Modifier.isSynchronized(m.getModifiers())
                            && !Modifier.isStatic(m.getModifiers()));
        });
        if (allSynchronized) {
            return Optional.of(new Discount(SYNCHRONIZED_METHOD_RULE, "every racy access to " + simple(field)
                    + " is inside a synchronized instance method of " + owner.getSimpleName() + ", so all hold the"
                    + " same monitor; VMLens 1.2.17 does not trace a synchronized method's monitor"));
        }
        return Optional.empty();
    }

    private static boolean allFinal(Class<?> type) {
        boolean any = false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    if (!Modifier.isFinal(f.getModifiers())) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    private static Optional<Field> field(String field) {
        int dot = field.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            Class<?> owner = Class.forName(field.substring(0, dot).replace('/', '.'), false,
                    DynamicLayer.class.getClassLoader());
            return Optional.of(owner.getDeclaredField(field.substring(dot + 1)));
        } catch (ClassNotFoundException | NoSuchFieldException | LinkageError e) {
            return Optional.empty(); // a field the layer cannot look at is never discounted
        }
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
