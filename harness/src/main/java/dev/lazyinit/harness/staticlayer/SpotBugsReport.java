package dev.lazyinit.harness.staticlayer;

import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.support.Xml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * SpotBugs' XML report, read into typed findings: one per {@code BugInstance}, with its pattern, category, class,
 * line and message. SpotBugs' own format, read here and nowhere else.
 *
 * <p>What could go wrong: a report that is missing (the store build's SpotBugs step did not run) fails loudly, with
 * how to produce it; and a finding's line read off its class or method rather than its own {@code SourceLine},
 * which would point the reader at the wrong place, so the finding's own child is preferred.
 *
 * @param version the SpotBugs version that wrote the report
 * @param findings every finding, in the report's order
 */
record SpotBugsReport(String version, List<Finding> findings) {

    SpotBugsReport {
        findings = List.copyOf(findings);
    }

    /**
     * @param spotbugsXml SpotBugs' XML report
     * @return what it holds
     * @throws IOException if it does not exist or cannot be read
     */
    static SpotBugsReport read(Path spotbugsXml) throws IOException {
        if (!Files.exists(spotbugsXml)) {
            throw new IOException(spotbugsXml + " does not exist: the static layer runs in the conformance module's"
                    + " build (./mvnw verify, or ./mvnw -pl store process-test-classes) before this is read");
        }
        Document doc = Xml.parse(spotbugsXml);
        return new SpotBugsReport(doc.getDocumentElement().getAttribute("version"), findings(doc));
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
