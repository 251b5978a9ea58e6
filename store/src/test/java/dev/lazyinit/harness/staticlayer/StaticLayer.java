package dev.lazyinit.harness.staticlayer;

import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.Suppression;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.support.Forked;
import dev.lazyinit.harness.support.Xml;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import dev.lazyinit.strategy.Strength;
import dev.lazyinit.strategy.VerdictKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Judges SpotBugs' findings, and those of the suite's own {@link BytecodeCheck}, over the holder classes per strategy
 * of the registry: the static layer.
 *
 * <p>What could go wrong: a holder that publishes its value without a happens-before edge (the classic DCL without
 * {@code volatile}). JCStress can only show that where the hardware reorders (Arm, POWER), never on x86. SpotBugs
 * recognises the shape in the bytecode ({@code DC_DOUBLECHECK}, {@code DC_PARTIALLY_CONSTRUCTED}) on any machine;
 * the bytecode check adds two shapes SpotBugs does not see ({@link BytecodeCheck#PATTERNS}): a plain
 * {@code VarHandle.get} on a lock-free path, and a wrapper read through a plain field whose own field is not final.
 * It reads the same classes, from the class path, so the gate's re-judging of SpotBugs' report runs it too.
 *
 * <p>Rules: a strategy that claims {@link Guarantee#SAFE_PUBLICATION} must have no finding at all in its classes
 * (PASS, else FAIL), a broken control that claims it no concurrency ({@code MT_CORRECTNESS}) finding; a control
 * that does not claim it is CAUGHT when a publication pattern ({@link #PUBLICATION_PATTERNS}: SpotBugs' double
 * check or the bytecode check's) is found, and NOT_OBSERVED when not (a blind spot, shown as such); a library
 * adapter is N/A unless its own code is flagged, because the part that matters lives in the library, which is not
 * analysed. Suppressions are written below with their reasons and listed in the verdicts file; there is no filter
 * file.
 *
 * <p>What it cannot see: an unsafe publication that is neither a double-check shape SpotBugs recognises nor one of
 * the bytecode check's two shapes (its Javadoc says what those miss: a plain read after a lock released in the
 * same method, a {@code VarHandle} not held in a {@code static final} field, a wrapper of another package or behind
 * a type variable); and nothing in library or JDK code, which is not read.
 */
public final class StaticLayer {

    /** The patterns that show a double-checked publication bug. */
    public static final List<String> DOUBLE_CHECK_PATTERNS = List.of("DC_DOUBLECHECK", "DC_PARTIALLY_CONSTRUCTED");

    /** The patterns that catch a control's unsafe publication: SpotBugs' double check and the bytecode check's. */
    public static final List<String> PUBLICATION_PATTERNS = java.util.stream.Stream.concat(
            DOUBLE_CHECK_PATTERNS.stream(), BytecodeCheck.PATTERNS.stream()).toList();

    /**
     * Findings that are false alarms: pattern and class, and why. Every entry must still match a finding, or the
     * test that reads this fails (a stale suppression hides nothing and should go).
     */
    public static final Map<String, String> SUPPRESSED = Map.of(
            "UWF_UNWRITTEN_FIELD dev.lazyinit.lazy.VarHandleDclLazy",
            "a false alarm: value is written through the VarHandle (setRelease), which SpotBugs does not follow");

    /** Classes that carry a strategy's logic besides its holder class. */
    private static final Map<Strategy, List<String>> ALSO = Map.of(
            Strategy.HOLDER_IDIOM, List.of("dev.lazyinit.lazy.HolderIdiom"));

    /** The store build's SpotBugs settings (store/pom.xml), which {@link #spotbugs} uses too. */
    public static final String SETTINGS = "effort Max, threshold Low";

    /** How long SpotBugs may run over a provider's classes before it is stopped and the layer fails. */
    static final long SPOTBUGS_TIMEOUT_SECONDS = 300;

    private StaticLayer() {
    }

    /**
     * @param spotbugsXml SpotBugs' XML report
     * @param settings how it ran, for the file
     * @return a verdict per registry strategy
     * @throws IOException if the report cannot be read
     */
    public static StaticVerdicts judge(Path spotbugsXml, String settings) throws IOException {
        return judge(spotbugsXml, settings, s -> true, "");
    }

    /**
     * The same rules over the strategies of one scope only: example-provider's run, whose SpotBugs report
     * ({@link #spotbugs}) covers the providers' classes and the built-in publication controls, and nothing else.
     *
     * @param spotbugsXml SpotBugs' XML report
     * @param settings how it ran, for the file
     * @param scope the strategies this report can judge
     * @param outOfScope why the others are N/A
     * @return a verdict per registry strategy
     * @throws IOException if the report cannot be read
     */
    public static StaticVerdicts judge(Path spotbugsXml, String settings, Predicate<Strategy> scope,
                                       String outOfScope) throws IOException {
        Document doc = parse(spotbugsXml);
        String tool = "SpotBugs " + doc.getDocumentElement().getAttribute("version") + " + " + BytecodeCheck.tool();
        List<Finding> all = findings(doc);
        List<Finding> counted = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (Finding f : all) {
            String reason = SUPPRESSED.get(f.pattern() + " " + f.className());
            if (reason == null) {
                counted.add(f);
            } else {
                suppressions.add(new Suppression(f, reason));
            }
        }
        List<StaticVerdict> judged = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            judged.add(!s.available() || scope.test(s) ? judge(s, counted, suppressions)
                    : new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                            outOfScope));
        }
        List<StaticVerdict> verdicts = StaticVerdicts.withStrength(judged, "no control was flagged in this run");
        return new StaticVerdicts(StaticVerdicts.FORMAT, tool, settings, Instant.now().toString(), verdicts,
                suppressions);
    }

    private static StaticVerdict judge(Strategy s, List<Finding> findings, List<Suppression> suppressions) {
        if (!s.available()) {
            return new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    "not built on this JDK: " + s.unavailableReason());
        }
        List<String> analysed = classesOf(s);
        String holder = analysed.get(0);
        List<Finding> spotbugs = findings.stream().filter(f -> analysed.stream().anyMatch(c ->
                f.className().equals(c) || f.className().startsWith(c + "$"))).toList();
        if (s.provided()) {
            return provided(s, analysed, spotbugs, suppressions);
        }
        if (!holder.startsWith("dev.lazyinit.lazy.")) {
            return new StaticVerdict(s.name(), analysed, VerdictKind.NOT_APPLICABLE, Strength.NONE, spotbugs,
                    "the JDK's own code, not analysed");
        }
        List<Finding> mine = new ArrayList<>(spotbugs);
        for (Finding f : BytecodeCheck.check(s.newHolder(() -> null).getClass().getClassLoader(), analysed)) {
            String reason = SUPPRESSED.get(f.pattern() + " " + f.className());
            if (reason == null) {
                mine.add(f);
            } else {
                suppressions.add(new Suppression(f, reason));
            }
        }
        boolean library = holder.startsWith("dev.lazyinit.lazy.library.");
        if (s.guarantees(Guarantee.SAFE_PUBLICATION) || library) {
            // A broken control is wrong on purpose in its own way (a kept exception rethrown, say): only a
            // concurrency finding speaks against the publication it claims. A correct strategy gets no finding.
            List<Finding> against = s.broken()
                    ? mine.stream().filter(f -> "MT_CORRECTNESS".equals(f.category())).toList() : mine;
            if (!against.isEmpty()) {
                return new StaticVerdict(s.name(), analysed, VerdictKind.FAIL, Strength.NONE, mine,
                        "flagged: " + patterns(against));
            }
            return library
                    ? new StaticVerdict(s.name(), analysed, VerdictKind.NOT_APPLICABLE, Strength.NONE, mine,
                            "an adapter over library code; the adapter is clean, the library is not analysed")
                    : new StaticVerdict(s.name(), analysed, VerdictKind.PASS, Strength.NONE, mine,
                            mine.isEmpty() ? "no finding" : "no concurrency finding (a control; also: "
                                    + patterns(mine) + ")");
        }
        List<Finding> publication = mine.stream().filter(f -> PUBLICATION_PATTERNS.contains(f.pattern())).toList();
        return publication.isEmpty()
                ? new StaticVerdict(s.name(), analysed, VerdictKind.NOT_OBSERVED, Strength.NONE, mine,
                        "not flagged: this control's bug is outside what the checker recognises"
                                + (mine.isEmpty() ? "" : " (other findings: " + patterns(mine) + ")"))
                : new StaticVerdict(s.name(), analysed, VerdictKind.CAUGHT, Strength.NONE, mine,
                        "flagged: " + patterns(mine));
    }

    /**
     * A provider's strategy: its own classes (those its builder constructs) are read like ours, by SpotBugs and the
     * bytecode check; only concurrency findings ({@code MT_CORRECTNESS}) count against a claim of safe publication,
     * the others are listed in the note. A provider declares no controls, so an unclaimed publication is never
     * judged: what the checkers saw is shown, N/A. A library the holder calls is not read.
     */
    private static StaticVerdict provided(Strategy s, List<String> analysed, List<Finding> spotbugs,
                                          List<Suppression> suppressions) {
        List<Finding> mine = new ArrayList<>(spotbugs);
        mine.addAll(BytecodeCheck.check(s.newHolder(() -> null).getClass().getClassLoader(), analysed));
        List<Finding> concurrency = mine.stream().filter(f -> "MT_CORRECTNESS".equals(f.category())).toList();
        List<Finding> other = mine.stream().filter(f -> !concurrency.contains(f)).toList();
        String also = other.isEmpty() ? "" : "; not about concurrency, so not counted: " + patterns(other);
        if (!s.guarantees(Guarantee.SAFE_PUBLICATION)) {
            return new StaticVerdict(s.name(), analysed, VerdictKind.NOT_APPLICABLE, Strength.NONE, mine,
                    "claims nothing about publication, so not judged; seen: "
                            + (concurrency.isEmpty() ? "no concurrency finding" : patterns(concurrency)) + also);
        }
        return concurrency.isEmpty()
                ? new StaticVerdict(s.name(), analysed, VerdictKind.PASS, Strength.NONE, mine,
                        "no concurrency finding in the provider's classes (a library they call is not read)" + also)
                : new StaticVerdict(s.name(), analysed, VerdictKind.FAIL, Strength.NONE, mine,
                        "flagged: " + patterns(concurrency) + also);
    }

    /**
     * Runs SpotBugs with the store build's settings ({@link #SETTINGS}) over the classes of the given strategies,
     * in a JVM of its own: each holder class's package, in the jar or folder it was loaded from (a provider's jar,
     * say), the rest of this JVM's class path as SpotBugs' auxiliary class path. Example-provider's run uses it
     * over the providers' strategies, with the built-in publication controls beside them so that a PASS can be
     * discriminating.
     *
     * @param strategies available strategies
     * @param xml where SpotBugs writes its XML report
     * @param log where its output goes
     * @throws IOException if SpotBugs fails, times out or writes no report
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static void spotbugs(List<Strategy> strategies, Path xml, Path log)
            throws IOException, InterruptedException {
        Set<String> targets = new LinkedHashSet<>();
        Set<String> packages = new LinkedHashSet<>();
        for (Strategy s : strategies) {
            Class<?> holder = s.newHolder(() -> null).getClass();
            java.security.CodeSource source = holder.getProtectionDomain().getCodeSource();
            if (source == null) {
                continue; // the JDK's own class
            }
            try {
                targets.add(Path.of(source.getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IOException("cannot read where " + holder.getName() + " was loaded from", e);
            }
            packages.add(holder.getPackageName() + ".*");
        }
        Files.createDirectories(xml.toAbsolutePath().getParent());
        Files.deleteIfExists(xml);
        List<String> command = new ArrayList<>(List.of(Forked.java(), "-cp", System.getProperty("java.class.path"),
                "edu.umd.cs.findbugs.FindBugs2", "-effort:max", "-low", "-xml:withMessages", "-output", xml.toString(),
                "-auxclasspath", System.getProperty("java.class.path"),
                "-onlyAnalyze", String.join(",", packages)));
        command.addAll(targets);
        Forked.run("SpotBugs", command, log, SPOTBUGS_TIMEOUT_SECONDS);
        if (!Files.isRegularFile(xml)) {
            throw new IOException("SpotBugs wrote no report; its output: " + log);
        }
    }

    /**
     * @param s an available strategy
     * @return the classes whose findings count for it: its holder class first, then the others that carry its logic
     *         (their nested classes count too)
     */
    public static List<String> classesOf(Strategy s) {
        List<String> classes = new ArrayList<>();
        classes.add(s.newHolder(() -> null).getClass().getName());
        classes.addAll(ALSO.getOrDefault(s, List.of()));
        return classes;
    }

    private static String patterns(List<Finding> findings) {
        return String.join(", ", findings.stream().map(f -> f.pattern() + " in "
                + f.className().substring(f.className().lastIndexOf('.') + 1)
                + (f.line() > 0 ? ":" + f.line() : "")).distinct().toList());
    }

    private static Document parse(Path spotbugsXml) throws IOException {
        if (!Files.exists(spotbugsXml)) {
            throw new IOException(spotbugsXml + " does not exist: the static layer runs in the store module's"
                    + " build (./mvnw verify, or ./mvnw -pl store process-test-classes) before this is read");
        }
        return Xml.parse(spotbugsXml);
    }

    private static List<Finding> findings(Document doc) {
        List<Finding> findings = new ArrayList<>();
        NodeList bugs = doc.getElementsByTagName("BugInstance");
        for (int i = 0; i < bugs.getLength(); i++) {
            Element bug = (Element) bugs.item(i);
            Element cls = first(bug, "Class");
            Element line = child(bug, "SourceLine"); // the finding's own lines, not its class's or method's
            Element message = first(bug, "LongMessage");
            findings.add(new Finding(bug.getAttribute("type"), bug.getAttribute("category"),
                    cls == null ? "" : cls.getAttribute("classname"),
                    line == null || line.getAttribute("start").isEmpty() ? 0 : Integer.parseInt(line.getAttribute("start")),
                    message == null ? bug.getAttribute("type") : message.getTextContent().strip()));
        }
        return findings;
    }

    private static Element child(Element parent, String tag) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return first(parent, tag);
    }

    private static Element first(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }
}
