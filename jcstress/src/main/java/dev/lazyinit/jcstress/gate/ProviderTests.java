package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.support.Xml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The providers' store tests, as the gate reports them. With a user's holder jar ({@code -Dholder.jar}) the
 * example-provider module records its test failures instead of stopping the build there, so that the JCStress
 * proofs and this gate still run and print every verdict; the gate then fails the build with those tests' failures.
 */
final class ProviderTests {

    private ProviderTests() {
    }

    /**
     * @param reports the failsafe report folder of example-provider, or {@code null}
     * @return one line per failed or erroneous test, with its message; empty where the folder is missing
     * @throws IOException if a report cannot be read
     */
    static List<String> failures(Path reports) throws IOException {
        List<String> failures = new ArrayList<>();
        if (reports == null || !Files.isDirectory(reports)) {
            return failures;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path file : files) {
            NodeList cases = Xml.parse(file).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                for (String kind : List.of("failure", "error")) {
                    NodeList found = c.getElementsByTagName(kind);
                    if (found.getLength() > 0) {
                        String message = ((Element) found.item(0)).getAttribute("message").strip()
                                .replaceAll("\\s+", " ");
                        failures.add("the providers' store tests: " + simple(c.getAttribute("classname")) + "."
                                + c.getAttribute("name") + " " + kind + ": "
                                + (message.length() > 400 ? message.substring(0, 400) + "..." : message));
                    }
                }
            }
        }
        return failures;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
